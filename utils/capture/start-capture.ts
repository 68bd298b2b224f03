import type { ContentScriptContext } from '#imports';
import { createRequestGate } from '@/utils/capture/request-gate';
import { sendMessage } from '@/utils/messaging/protocol';
import { REQUEST_PORT_NAME } from '@/utils/pacing/model';
import { createLogger } from '@/utils/shared/logger';
import { createCaptureNotice } from './capture-notice';
import { createChatGptApi } from './chatgpt-api';
import { conversationIdFromUrl } from './conversation-url';
import { type CapturerDeps, createCapturer } from './create-capturer';
import { listenToPageHook } from './listen-to-page-hook';
import { pageFetch } from './page-fetch';
import { createPageHookReporter } from './report-page-hook';
import { createPortHolder, isExtensionAlive, watchLocation } from './tab-lifetime';

/**
 * Starts capture in a chatgpt.com tab: the chat in the URL now and after every in-app navigation, each handed
 * to the background. Every request waits for the background's slot. Everything it registers stops once the
 * extension is reloaded or updated (the content script is then orphaned).
 */
export function startCapture(
  ctx: ContentScriptContext,
  { texts, loadSettings }: Pick<CapturerDeps, 'texts' | 'loadSettings'>,
) {
  const logger = createLogger('capture');
  const notice = createCaptureNotice(document);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  // After an extension update the old content script stays in the page, orphaned: its queue must stop. Not
  // `ctx.isValid`: a page script can make WXT's context invalidate itself (see tab-lifetime.ts).
  const isActive = isExtensionAlive;
  const gate = createRequestGate({
    acquire: (request) => sendMessage('acquireRequestSlot', request),
    release: (leaseId, result) => sendMessage('releaseRequestSlot', { leaseId, result }),
    isActive,
    sleep,
    onRateLimited: (until) => capturer.noteRateLimit(until),
    onError: (message) => logger.debug(`Asking Lifeboat for a request slot failed (${message}); asking again.`),
    hold: createPortHolder(REQUEST_PORT_NAME, isActive),
  });
  const capturer = createCapturer({
    api: createChatGptApi({ fetch: pageFetch(), origin: location.origin, readCookies: () => document.cookie, gate }),
    save: (capture) => sendMessage('saveConversation', capture),
    loadSettings,
    notice,
    logger,
    texts,
    currentConversationId: () => conversationIdFromUrl(location.href),
    isActive,
    sleep,
  });
  // Runs at document_start, before chatgpt.com's scripts: the only moment the hook's channel can be private.
  const stopListening = listenToPageHook(
    createPageHookReporter({ report: (report) => sendMessage('reportPageHook', report), logger }),
  );
  // ChatGPT is a single-page app: follow its route changes as well as the first load.
  const stopWatching = watchLocation((url) => {
    if (isActive()) void capturer.captureUrl(url);
  });
  ctx.onInvalidated(() => {
    // WXT also fires this for a forged event from the page; only a really orphaned script cleans up.
    if (isActive()) return;
    stopWatching();
    stopListening();
    notice.remove();
  });
  void capturer.captureUrl(location.href);
}
