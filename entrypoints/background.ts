import '@/utils/shared/zod-jitless';
import { i18n } from '#i18n';
import { browser, defineBackground } from '#imports';
import { createPageHookTabs } from '@/utils/capture/page-hook-tabs';
import { downloadConversation } from '@/utils/conversations/download-conversation';
import { createReceiveCapture } from '@/utils/conversations/receive-capture';
import { db } from '@/utils/db/db';
import { createDownloader } from '@/utils/downloads/create-downloader';
import { registerHandlers } from '@/utils/messaging/protocol';
import { createRequestLimiter } from '@/utils/pacing/create-request-limiter';
import { createPacingHandlers, releaseSlotsOfGoneDocuments } from '@/utils/pacing/pacing-handlers';
import { sessionPacingStore } from '@/utils/pacing/pacing-store';
import { indexConversation } from '@/utils/search/search-index';
import { describeError } from '@/utils/shared/describe-error';
import { createLogger } from '@/utils/shared/logger';

// Wiring only. `main` stays synchronous so every listener is registered before the worker handles an event.
export default defineBackground(() => {
  const logger = createLogger('background');
  // A rejection nobody handled is a bug: say so where developers and the e2e tests look (the console).
  globalThis.addEventListener?.('unhandledrejection', (event) =>
    logger.error(`Unhandled rejection: ${describeError(event.reason)}`),
  );
  const downloader = createDownloader({ db, logger });
  const limiter = createRequestLimiter({ store: sessionPacingStore });
  // At the top level, not inside a download: a download that ends while the worker is stopped wakes it with this.
  browser.downloads.onChanged.addListener((delta) => void downloader.onChanged(delta));
  void downloader.sweep();
  const pageHookTabs = createPageHookTabs();
  browser.tabs.onRemoved.addListener((tabId) => void pageHookTabs.forget(tabId));
  // A tab closed or reloaded mid-request never hands its slot back: free it rather than wait for a lapse.
  browser.tabs.onRemoved.addListener((tabId) => void limiter.releaseTab(tabId).catch(() => {}));
  releaseSlotsOfGoneDocuments(limiter);
  registerHandlers('background', {
    saveConversation: createReceiveCapture({ db, logger, index: (chat) => indexConversation(db, chat) }),
    ...createPacingHandlers(limiter),
    reportPageHook: pageHookTabs.report,
    downloadConversation: ({ id }) => downloadConversation(db, downloader, id, i18n.t('common.untitled')),
  });
});
