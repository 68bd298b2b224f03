import type { ArchiveDb } from '@/utils/db/database';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import type { CapturedConversation } from './model';
import { saveConversation } from './store';

/** What the `saveConversation` handler needs. */
export interface ReceiveCaptureDeps {
  db: ArchiveDb;
  logger: Logger;
  now?: () => number;
}

/**
 * The background's `saveConversation` handler (the protocol has already checked the sender and the shape):
 * archives a capture, or logs and throws the reason it was refused.
 */
export function createReceiveCapture({ db, logger, now = Date.now }: ReceiveCaptureDeps) {
  return async (capture: CapturedConversation) => {
    try {
      const { record, stored } = await saveConversation(db, capture, now());
      logger.debug(
        `${stored ? 'Stored' : 'Kept the newer copy of'} conversation ${record.id} for ${record.accountId}.`,
      );
      return { id: record.id, title: record.title, messageCount: record.messageCount, stored };
    } catch (error) {
      logger.warn(describeError(error));
      throw error;
    }
  };
}
