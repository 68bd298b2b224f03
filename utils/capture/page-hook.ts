// The MAIN-world half of the page-hook channel. It runs at document_start inside chatgpt.com's own JavaScript
// world, so it stays tiny and imports nothing heavy (no zod): the isolated half validates what it receives.
//
// The channel is a private MessagePort, not events on `window` that any page script could send or read. Both
// halves run at document_start, before any page script, in an order the browsers do not fix, so the handshake
// is synchronous and finished by whichever half runs second: the hook listens for an offer and says hello; the
// isolated half offers a port at once and, if nobody took it, again on hello. Both remove their window
// listeners when it is done, so page scripts, which run later, see nothing and find nobody to talk to. A
// nonce would add nothing: the hook's code is public, and the protection is the timing.

/** Dispatched on `window` by the hook when it starts, so an isolated half that is already waiting offers a port. */
export const PAGE_HOOK_HELLO_EVENT = 'lifeboat:page-hook-hello';
/**
 * Dispatched on `window` by the isolated half: a cancelable MessageEvent whose `ports[0]` is the hook's end of
 * the channel. The hook takes it with `preventDefault()`, which is how the isolated half knows it was taken.
 */
export const PAGE_HOOK_OFFER_EVENT = 'lifeboat:page-hook-offer';
/** The version of what the hook sends on the channel. */
export const PAGE_HOOK_VERSION = 1;

/**
 * Installs the page hook: waits for the isolated half's port (until the page has been parsed, after which only
 * page scripts could offer one) and announces itself on it. Messages are JSON strings: objects crossing the two
 * worlds trip Firefox's Xray wrappers.
 */
export function installPageHook(win: Window = window): void {
  // Taken before page scripts run, so a page that replaces JSON.stringify later cannot read what is sent.
  const stringify = JSON.stringify;
  const stopWaiting = () => {
    win.removeEventListener(PAGE_HOOK_OFFER_EVENT, onOffer);
    win.removeEventListener('DOMContentLoaded', stopWaiting);
  };
  function onOffer(event: Event) {
    const port = (event as MessageEvent).ports?.[0];
    if (port === undefined) return;
    event.preventDefault();
    stopWaiting();
    // Bound now for the same reason: later page scripts may replace MessagePort.prototype.postMessage.
    const send = port.postMessage.bind(port);
    send(stringify({ type: 'ready', version: PAGE_HOOK_VERSION }));
  }
  win.addEventListener(PAGE_HOOK_OFFER_EVENT, onOffer);
  // Injected into a page that is already parsed (Firefox does this when the extension is installed or updated),
  // page scripts are live: the other half gets until the next microtask, no longer.
  if (win.document.readyState === 'loading') win.addEventListener('DOMContentLoaded', stopWaiting);
  else queueMicrotask(stopWaiting);
  win.dispatchEvent(new Event(PAGE_HOOK_HELLO_EVENT));
}
