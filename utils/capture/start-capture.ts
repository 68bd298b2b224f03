import type { ContentScriptContext } from '#imports';
import { createRequestGate } from '@/utils/capture/request-gate';
import { sendMessage } from '@/utils/messaging/protocol';
import { createLogger } from '@/utils/shared/logger';
import { createCaptureNotice } from './capture-notice';
import { createChatGptApi } from './chatgpt-api';
import { conversationIdFromUrl } from './conversation-url';
import { type CapturerDeps, createCapturer } from './create-capturer';
import { listenToPageHook } from './listen-to-page-hook';
import { pageFetch } from './page-fetch';
import { createPageHookReporter } from './report-page-hook';

/**
 * Starts capture in a chatgpt.com tab: the chat in the URL now and after every in-app navigation, each handed
 * to the background. Every request waits for the background's slot. Everything it registers ends with the
 * content script's context.
 */
export function startCapture(
  ctx: ContentScriptContext,
  { texts, loadSettings }: Pick<CapturerDeps, 'texts' | 'loadSettings'>,
) {
  const logger = createLogger('capture');
  const notice = createCaptureNotice(document);
  const sleep = (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(resolve, ms));
  // After an extension update the old content script stays in the page, invalidated: its queue must stop.
  const isActive = () => ctx.isValid;
  const gate = createRequestGate({
    acquire: (request) => sendMessage('acquireRequestSlot', request),
    release: (leaseId, result) => sendMessage('releaseRequestSlot', { leaseId, result }),
    isActive,
    sleep,
    onRateLimited: (until) => capturer.noteRateLimit(until),
    onError: (message) => logger.debug(`Asking Lifeboat for a request slot failed (${message}); asking again.`),
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
  ctx.onInvalidated(() => {
    stopListening();
    notice.remove();
  });
  // ChatGPT is a single-page app: follow its route changes as well as the first load.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void capturer.captureUrl(newUrl));
  void capturer.captureUrl(location.href);
}
