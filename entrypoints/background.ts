import '@/utils/shared/zod-jitless';
import { browser, defineBackground } from '#imports';
import { downloadConversation } from '@/utils/conversations/download-conversation';
import { createReceiveCapture } from '@/utils/conversations/receive-capture';
import { db } from '@/utils/db/db';
import { createDownloader } from '@/utils/downloads/download-blob';
import { registerHandlers } from '@/utils/messaging/protocol';
import { createLogger } from '@/utils/shared/logger';

// Wiring only. `main` stays synchronous so every listener is registered before the worker handles an event.
export default defineBackground(() => {
  const logger = createLogger('background');
  const downloader = createDownloader({ db });
  const receiveCapture = createReceiveCapture({ db, logger, extensionOrigin: browser.runtime.getURL('/') });

  registerHandlers('background', {
    saveConversation: receiveCapture,
    downloadConversation: ({ id }) => downloadConversation(db, downloader, id),
  });
});
