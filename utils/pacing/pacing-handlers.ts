import { type Browser, browser } from '#imports';
import type { Handlers } from '@/utils/messaging/protocol';
import type { RequestLimiter } from './create-request-limiter';
import { REQUEST_PORT_NAME } from './model';

/** The background's answers to the pacing messages: the limiter, with the tab the browser reports. */
export function createPacingHandlers(
  limiter: RequestLimiter,
): Pick<Handlers<'background'>, 'acquireRequestSlot' | 'releaseRequestSlot'> {
  return {
    acquireRequestSlot: (request, sender) => limiter.acquire(request, sender.tab?.id ?? null, sender.documentId),
    releaseRequestSlot: async ({ leaseId, result }) => {
      await limiter.release(leaseId, result);
      return {};
    },
  };
}

/**
 * Frees what a document held once its request port disconnects: it reloaded, navigated away or closed, possibly
 * while waiting for a slot or holding one. Only Lifeboat's own content scripts can open such a port. Returns a
 * function that stops listening.
 */
export function releaseSlotsOfGoneDocuments(limiter: RequestLimiter): () => void {
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== REQUEST_PORT_NAME) return;
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined) return;
    const documentId = (port.sender as { documentId?: string } | undefined)?.documentId;
    port.onDisconnect.addListener(() => {
      limiter.releaseTab(tabId, documentId).catch(() => {});
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  return () => browser.runtime.onConnect.removeListener(onConnect);
}
