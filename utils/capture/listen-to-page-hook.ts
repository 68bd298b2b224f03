import { type PageHookMessage, PageHookMessageSchema } from './model';
import { PAGE_HOOK_HELLO_EVENT, PAGE_HOOK_OFFER_EVENT } from './page-hook';

// The isolated half of the page-hook channel (the handshake is explained in page-hook.ts). It hands the hook a
// private MessagePort before any page script runs and accepts nothing else: no message on `window` is read.
// What arrives on the port is still parsed and validated here, since it comes from the page's world.

/** What the isolated half does with the hook. */
export interface PageHookHandlers {
  /** A valid message from the hook arrived on the channel. */
  onMessage(message: PageHookMessage): void;
  /** The page was parsed and no hook had taken the channel: it is not running in this tab. */
  onMissing(): void;
}

/** The window the handshake runs on; a parameter so tests can pass their own. */
export type PageHookWindow = Pick<
  Window & typeof globalThis,
  'addEventListener' | 'removeEventListener' | 'dispatchEvent' | 'MessageChannel' | 'MessageEvent'
> & { document: Pick<Document, 'readyState'> };

function readMessage(data: unknown): PageHookMessage | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    return PageHookMessageSchema.safeParse(JSON.parse(data)).data;
  } catch {
    return undefined;
  }
}

/**
 * Offers the hook its port now, or when it says hello, until the page is parsed; then calls `onMessage` for each
 * valid message on the port, or `onMissing` once if no hook took it. Returns a function that stops.
 */
export function listenToPageHook({ onMessage, onMissing }: PageHookHandlers, win: PageHookWindow = window): () => void {
  let port: MessagePort | undefined;
  let stopped = false;

  function offer(): boolean {
    const channel = new win.MessageChannel();
    const event = new win.MessageEvent(PAGE_HOOK_OFFER_EVENT, { cancelable: true, ports: [channel.port2] });
    // dispatchEvent answers false when a listener called preventDefault(): the hook took the port.
    if (win.dispatchEvent(event)) {
      channel.port1.close();
      return false;
    }
    port = channel.port1;
    port.onmessage = (message) => {
      const parsed = readMessage(message.data);
      if (parsed !== undefined) onMessage(parsed);
    };
    return true;
  }
  const stopWaiting = () => {
    win.removeEventListener(PAGE_HOOK_HELLO_EVENT, onHello);
    win.removeEventListener('DOMContentLoaded', onParsed);
  };
  function onHello() {
    if (port === undefined && offer()) stopWaiting();
  }
  function onParsed() {
    stopWaiting();
    if (port === undefined && !stopped) onMissing();
  }

  if (!offer()) {
    win.addEventListener(PAGE_HOOK_HELLO_EVENT, onHello);
    // The hook runs at document_start, so by DOMContentLoaded it has said hello or is not coming; waiting any
    // longer would only let page scripts pose as the hook. In a page that is already parsed (Firefox injects
    // into open tabs on install or update), page scripts are live: the hook gets until the next microtask.
    if (win.document.readyState === 'loading') win.addEventListener('DOMContentLoaded', onParsed);
    else queueMicrotask(onParsed);
  }
  return () => {
    stopped = true;
    stopWaiting();
    port?.close();
    port = undefined;
  };
}
