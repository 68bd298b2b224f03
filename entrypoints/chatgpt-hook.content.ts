import { defineContentScript } from '#imports';
import { installPageHook } from '@/utils/capture/page-hook';
import { CHATGPT_MATCHES } from '@/utils/shared/chatgpt-origins';

// Wiring only: runs in the page's own JavaScript world before chatgpt.com's scripts, so later issues can
// observe the page's traffic. It never changes, delays or blocks a request.
export default defineContentScript({
  matches: CHATGPT_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main() {
    installPageHook(window);
  },
});
