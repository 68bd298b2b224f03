import '@/utils/shared/zod-jitless';
import { db } from '@/utils/db/db';
import { createOffscreenHandlers } from '@/utils/downloads/offscreen-handlers';
import { registerHandlers } from '@/utils/messaging/protocol';
import { describeError } from '@/utils/shared/describe-error';
import { createLogger } from '@/utils/shared/logger';

// Wiring only: Chrome's offscreen document exists to turn Blobs into blob: URLs for downloads.
registerHandlers('offscreen', createOffscreenHandlers({ db }));
// A rejection nobody handled is a bug: say so where developers and the e2e tests look (the console).
addEventListener('unhandledrejection', (event) =>
  createLogger('offscreen').error(`Unhandled rejection: ${describeError(event.reason)}`),
);
