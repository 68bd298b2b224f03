import type { ArchiveDb } from '@/utils/db/database';
import type { MessageSender } from '@/utils/messaging/protocol';
import type { Logger } from '@/utils/shared/logger';
import type { CapturedConversation } from './model';
import { saveConversation } from './store';

const CHATGPT_ORIGINS = new Set(['https://chatgpt.com', 'https://chat.openai.com']);

/** Whether a message comes from a chatgpt.com tab or from one of Lifeboat's own pages. */
export function isTrustedCaptureSender(sender: MessageSender, extensionOrigin: string): boolean {
  const url = sender.tab?.url ?? sender.url;
  if (url === undefined) return false;
  // A prefix test for our own pages: `URL.origin` of a chrome-extension:// URL is "null" in some runtimes.
  if (url.startsWith(extensionOrigin)) return true;
  try {
    return CHATGPT_ORIGINS.has(new URL(url).origin);
  } catch {
    return false;
  }
}

export interface ReceiveCaptureDeps {
  db: ArchiveDb;
  logger: Logger;
  /** `browser.runtime.getURL('/')`, ending in `/`: pages of this extension may save too (imports, benchmarks). */
  extensionOrigin: string;
  now?: () => number;
}

/** The background's `saveConversation` handler: archives a capture or throws with the reason it was refused. */
export function createReceiveCapture({ db, logger, extensionOrigin, now = Date.now }: ReceiveCaptureDeps) {
  return async (capture: CapturedConversation, sender: MessageSender) => {
    if (!isTrustedCaptureSender(sender, extensionOrigin)) {
      throw new Error(`Refused a conversation from ${sender.tab?.url ?? sender.url ?? 'an unknown sender'}.`);
    }
    try {
      const record = await saveConversation(db, capture, now());
      logger.debug(`Stored conversation ${record.id} for ${record.accountId}.`);
      return { id: record.id, title: record.title, messageCount: record.messageCount };
    } catch (error) {
      logger.warn(error instanceof Error ? error.message : String(error));
      throw error;
    }
  };
}
