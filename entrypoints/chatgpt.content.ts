import '@/utils/shared/zod-jitless';
import { i18n } from '#i18n';
import { defineContentScript } from '#imports';
import { startCapture } from '@/utils/capture/start-capture';
import { loadSettings } from '@/utils/settings/settings-store';
import { CHATGPT_MATCHES } from '@/utils/shared/chatgpt-origins';

// Wiring only: the isolated content script on chatgpt.com. It fetches from the page's origin with the user's
// cookies and hands every capture to the background, which owns the archive. It starts at document_start so it
// can hand the page hook its private channel before any page script runs (utils/capture/page-hook.ts).
export default defineContentScript({
  matches: CHATGPT_MATCHES,
  runAt: 'document_start',
  // WXT would otherwise announce the extension's id to every page script on each start.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startCapture(ctx, {
      loadSettings,
      texts: {
        saved: (title) => i18n.t('captureNoticeSaved', [title || i18n.t('common.untitled')]),
        upToDate: (title) => i18n.t('captureNoticeUpToDate', [title || i18n.t('common.untitled')]),
        rateLimitWait: (seconds) =>
          seconds === null
            ? i18n.t('captureNoticeRateLimitWaitUnknown')
            : i18n.t('captureNoticeRateLimitWait', seconds, [String(seconds)]),
        rateLimited: () => i18n.t('captureNoticeRateLimited'),
        accountUnknown: () => i18n.t('captureNoticeAccountUnknown'),
        tooLarge: (size, limit) => i18n.t('captureNoticeTooLarge', [size, limit]),
        failed: () => i18n.t('captureNoticeFailed'),
      },
    });
  },
});
