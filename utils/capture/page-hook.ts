// The MAIN-world half of the page-hook channel. It runs at document_start inside chatgpt.com's own JavaScript
// world, so it stays tiny and imports nothing heavy (no zod): the isolated half validates what it receives.

/** Events from the page hook to the content script. */
export const PAGE_HOOK_EVENT = 'lifeboat:page-hook';
/** Events from the content script to the page hook. */
export const CONTENT_SCRIPT_EVENT = 'lifeboat:content-script';

const READY = JSON.stringify({ type: 'ready', version: 1 });

function isPing(event: Event): boolean {
  if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return false;
  try {
    return (JSON.parse(event.detail) as { type?: unknown }).type === 'ping';
  } catch {
    return false;
  }
}

/**
 * Installs the page hook. It announces itself at once and again whenever the content script pings, because the
 * content script starts later and may miss the first announcement. CustomEvent details are JSON strings:
 * objects crossing the two worlds trip Firefox's wrappers.
 */
export function installPageHook(win: Window = window): void {
  win.addEventListener(CONTENT_SCRIPT_EVENT, (event) => {
    if (isPing(event)) win.dispatchEvent(new CustomEvent(PAGE_HOOK_EVENT, { detail: READY }));
  });
  win.dispatchEvent(new CustomEvent(PAGE_HOOK_EVENT, { detail: READY }));
}
