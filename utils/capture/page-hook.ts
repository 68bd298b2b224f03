import { z } from 'zod';

// The MAIN-world hook and the isolated content script talk through CustomEvents on `window` whose `detail` is a
// JSON string: objects crossing the two worlds trip Firefox's wrappers. Any page script can send the same
// events, so what arrives is validated and treated as untrusted.

/** Events from the page hook to the content script. */
export const PAGE_HOOK_EVENT = 'lifeboat:page-hook';
/** Events from the content script to the page hook. */
export const CONTENT_SCRIPT_EVENT = 'lifeboat:content-script';

/** What the page hook reports. Later issues add the page's own traffic (conversation loads, stream timings). */
export const PageHookMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), version: z.literal(1) }),
]);
export type PageHookMessage = z.infer<typeof PageHookMessageSchema>;

/** What the content script asks of the page hook. */
export const ContentScriptMessageSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);
export type ContentScriptMessage = z.infer<typeof ContentScriptMessageSchema>;

function readDetail<T>(event: Event, schema: z.ZodType<T>): T | undefined {
  if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return undefined;
  try {
    return schema.safeParse(JSON.parse(event.detail)).data;
  } catch {
    return undefined;
  }
}

const READY: PageHookMessage = { type: 'ready', version: 1 };

function post(win: Window, name: string, message: PageHookMessage | ContentScriptMessage): void {
  win.dispatchEvent(new CustomEvent(name, { detail: JSON.stringify(message) }));
}

/**
 * Installs the page hook (MAIN world, document_start). It announces itself at once and again whenever the
 * content script pings, because the content script starts later and may miss the first announcement.
 */
export function installPageHook(win: Window = window): void {
  win.addEventListener(CONTENT_SCRIPT_EVENT, (event) => {
    if (readDetail(event, ContentScriptMessageSchema)?.type === 'ping') post(win, PAGE_HOOK_EVENT, READY);
  });
  post(win, PAGE_HOOK_EVENT, READY);
}

/** Calls `onMessage` for each valid page-hook message; returns a function that stops listening. */
export function listenToPageHook(onMessage: (message: PageHookMessage) => void, win: Window = window): () => void {
  const listener = (event: Event) => {
    const message = readDetail(event, PageHookMessageSchema);
    if (message !== undefined) onMessage(message);
  };
  win.addEventListener(PAGE_HOOK_EVENT, listener);
  post(win, CONTENT_SCRIPT_EVENT, { type: 'ping' });
  return () => win.removeEventListener(PAGE_HOOK_EVENT, listener);
}
