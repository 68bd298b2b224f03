import '@/utils/shared/zod-jitless';
import { i18n } from '#i18n';
import { browser, defineBackground } from '#imports';
import { createPageHookTabs } from '@/utils/capture/page-hook-tabs';
import { downloadConversation } from '@/utils/conversations/download-conversation';
import { createReceiveCapture } from '@/utils/conversations/receive-capture';
import { db } from '@/utils/db/db';
import { createDownloader } from '@/utils/downloads/create-downloader';
import { registerHandlers } from '@/utils/messaging/protocol';
import { createLogger } from '@/utils/shared/logger';

// Wiring only. `main` stays synchronous so every listener is registered before the worker handles an event.
export default defineBackground(() => {
  const logger = createLogger('background');
  const downloader = createDownloader({ db, logger });
  const pageHookTabs = createPageHookTabs();
  browser.tabs.onRemoved.addListener((tabId) => void pageHookTabs.forget(tabId));

  registerHandlers('background', {
    saveConversation: createReceiveCapture({ db, logger }),
    reportPageHook: pageHookTabs.report,
    downloadConversation: ({ id }) => downloadConversation(db, downloader, id, i18n.t('common.untitled')),
  });
});
