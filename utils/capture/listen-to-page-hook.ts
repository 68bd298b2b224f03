import { type PageHookMessage, PageHookMessageSchema } from './model';
import { CONTENT_SCRIPT_EVENT, PAGE_HOOK_EVENT } from './page-hook';

// The isolated half of the page-hook channel. Any page script can send the same events as the hook, so every
// message is parsed and validated here and treated as untrusted.

function readMessage(event: Event): PageHookMessage | undefined {
  if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return undefined;
  try {
    return PageHookMessageSchema.safeParse(JSON.parse(event.detail)).data;
  } catch {
    return undefined;
  }
}

/** Calls `onMessage` for each valid page-hook message and pings the hook; returns a function that stops. */
export function listenToPageHook(onMessage: (message: PageHookMessage) => void, win: Window = window): () => void {
  const listener = (event: Event) => {
    const message = readMessage(event);
    if (message !== undefined) onMessage(message);
  };
  win.addEventListener(PAGE_HOOK_EVENT, listener);
  win.dispatchEvent(new CustomEvent(CONTENT_SCRIPT_EVENT, { detail: JSON.stringify({ type: 'ping' }) }));
  return () => win.removeEventListener(PAGE_HOOK_EVENT, listener);
}
