import type { ArchiveDb } from '@/utils/db/database';
import type { MessageSender } from '@/utils/messaging/protocol';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import type { CapturedConversation, CaptureSource } from './model';
import { saveConversation } from './store';

/** What the `saveConversation` handler needs. */
export interface ReceiveCaptureDeps {
  db: ArchiveDb;
  logger: Logger;
  now?: () => number;
  /** Whether a tab is one the back-up job drives; its captures count as `sync`. None until that job exists. */
  isSyncTab?: (tabId: number) => boolean;
}

/** Who caused a capture, judged from the browser-reported sender: a content script cannot claim to be the job. */
export function captureSourceOf(sender: MessageSender, isSyncTab: (tabId: number) => boolean): CaptureSource {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return 'extension';
  return isSyncTab(tabId) ? 'sync' : 'page';
}

/**
 * The background's `saveConversation` handler (the protocol has already checked the sender and the shape):
 * archives a capture and says what it did, or logs and throws the reason it was refused.
 */
export function createReceiveCapture({ db, logger, now = Date.now, isSyncTab = () => false }: ReceiveCaptureDeps) {
  return async (capture: CapturedConversation, sender: MessageSender) => {
    try {
      const { record, outcome } = await saveConversation(db, capture, {
        capturedAt: now(),
        source: captureSourceOf(sender, isSyncTab),
      });
      logger.debug(`Conversation ${record.id} for ${record.accountId}: ${outcome}.`);
      if (outcome === 'moved') {
        logger.info(
          `Moved conversation ${record.id} to ${record.accountId}: an earlier version had filed it by a guess.`,
        );
      }
      return { id: record.id, title: record.title, messageCount: record.messageCount, outcome };
    } catch (error) {
      logger.warn(describeError(error));
      throw error;
    }
  };
}
