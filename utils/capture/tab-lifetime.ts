import { type Browser, browser } from '#imports';

// How long the content script lives, decided by Lifeboat itself. WXT's ContentScriptContext invalidates itself
// when `document` receives an event any page script can dispatch (its "a newer copy started" signal), so a page
// could switch capture off in its tab; nothing here listens to the page.

/** Whether this content script still belongs to a running Lifeboat (false once the extension is reloaded). */
export function isExtensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

/** How often the URL is compared, for the in-app navigations no event reports. */
const POLL_MS = 500;

/**
 * Calls `onChange` with each new URL of this document: ChatGPT moves between chats with the History API, without
 * loading a page. Navigation API events where the browser has them, and a poll for the rest. Returns a stop
 * function.
 */
export function watchLocation(onChange: (url: string) => void, win: Window = window): () => void {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === last) return;
    last = now;
    onChange(now);
  };
  // `navigate` fires before the URL changes: look once the navigation has been committed.
  const soon = () => setTimeout(check, 0);
  const navigation = (win as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigate', soon);
  const timer = setInterval(check, POLL_MS);
  return () => {
    navigation?.removeEventListener('navigate', soon);
    clearInterval(timer);
  };
}

/**
 * A runtime port named `name`, open while anyone holds it: `hold()` returns the function that lets go. The
 * background watches the port; its disconnecting tells it this document went away. Reopened if the background
 * restarts while it is held (a restarted worker lost the old one).
 */
export function createPortHolder(name: string, isActive: () => boolean = isExtensionAlive): () => () => void {
  let port: Browser.runtime.Port | undefined;
  let holders = 0;
  const open = () => {
    try {
      const opened = browser.runtime.connect({ name });
      opened.onDisconnect.addListener(() => {
        if (port !== opened) return;
        port = undefined;
        if (holders > 0 && isActive()) open();
      });
      port = opened;
    } catch {
      // The extension is gone: nothing to hold on to.
      port = undefined;
    }
  };
  return () => {
    holders += 1;
    if (port === undefined) open();
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      holders -= 1;
      if (holders > 0) return;
      const closing = port;
      port = undefined;
      closing?.disconnect();
    };
  };
}
