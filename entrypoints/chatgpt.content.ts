import '@/utils/shared/zod-jitless';
import { i18n } from '#i18n';
import { browser, defineContentScript } from '#imports';
import { createCaptureNotice } from '@/utils/capture/capture-notice';
import { createChatGptApi } from '@/utils/capture/chatgpt-api';
import { listenToPageHook } from '@/utils/capture/listen-to-page-hook';
import { pageFetch } from '@/utils/capture/page-fetch';
import { createCapturer } from '@/utils/capture/start-capture';
import { sendMessage } from '@/utils/messaging/protocol';
import { loadSettings } from '@/utils/settings/settings-store';
import { createLogger } from '@/utils/shared/logger';

// Wiring only: the isolated content script on chatgpt.com. It fetches from the page's origin with the user's
// cookies and hands every capture to the background, which owns the archive.
export default defineContentScript({
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
  main(ctx) {
    const logger = createLogger('capture');
    const notice = createCaptureNotice(document);
    const capturer = createCapturer({
      api: createChatGptApi({
        fetch: pageFetch(),
        origin: location.origin,
        readCookies: () => document.cookie,
      }),
      save: (capture) => sendMessage('saveConversation', capture),
      loadSettings,
      notice,
      logger,
      texts: {
        saved: (title) => i18n.t('captureNoticeSaved', [title || i18n.t('untitledChat')]),
        failed: () => i18n.t('captureNoticeFailed'),
      },
    });

    const stopListening = listenToPageHook((message) => logger.debug(`Page hook ${message.type}.`));
    ctx.onInvalidated(() => {
      stopListening();
      notice.remove();
    });
    // ChatGPT is a single-page app: follow its route changes as well as the first load.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void capturer.captureUrl(newUrl));
    void capturer.captureUrl(location.href);
    logger.debug(`Content script ${browser.runtime.getManifest().version} started.`);
  },
});
