import '@/utils/shared/zod-jitless';
import { db } from '@/utils/db/db';
import { createOffscreenHandlers } from '@/utils/downloads/offscreen-handlers';
import { registerHandlers } from '@/utils/messaging/protocol';

// Wiring only: Chrome's offscreen document exists to turn Blobs into blob: URLs for downloads.
registerHandlers('offscreen', createOffscreenHandlers({ db }));
