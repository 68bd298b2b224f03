import type { ArchiveDb } from '@/utils/db/database';
import type { MessageSender } from '@/utils/messaging/protocol';
import type { IndexableConversation } from '@/utils/search/model';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import { toIndexable } from './indexable';
import {
  type CapturedConversation,
  type CaptureSource,
  type ConversationRecord,
  isStored,
  type SaveOutcome,
} from './model';
import { getConversationBody, saveConversation } from './store';

/** What the `saveConversation` handler needs. */
export interface ReceiveCaptureDeps {
  db: ArchiveDb;
  logger: Logger;
  now?: () => number;
  /** Whether a tab is one the back-up job drives; its captures count as `sync`. None until that job exists. */
  isSyncTab?: (tabId: number) => boolean;
  /** Puts a newly stored copy into the search index. A failure is logged, never the capture's. */
  index?: (conversation: IndexableConversation) => Promise<void>;
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
export function createReceiveCapture({
  db,
  logger,
  now = Date.now,
  isSyncTab = () => false,
  index = async () => {},
}: ReceiveCaptureDeps) {
  /** Indexes what the archive now holds for `record` (after a move, its stored body, not the arriving one). */
  async function reindex(record: ConversationRecord, outcome: SaveOutcome, arriving: string): Promise<void> {
    try {
      const text = outcome === 'moved' ? (await getConversationBody(db, record.id))?.text : arriving;
      if (text !== undefined) await index(toIndexable(record, text));
    } catch (error) {
      // The chat is safe; only search misses it until the index is rebuilt.
      logger.warn(`Conversation ${record.id} was saved but not indexed for search: ${describeError(error)}`);
    }
  }

  return async (capture: CapturedConversation, sender: MessageSender) => {
    try {
      const { record, outcome } = await saveConversation(db, capture, {
        capturedAt: now(),
        source: captureSourceOf(sender, isSyncTab),
      });
      logger.debug(`Conversation ${record.id} for ${record.accountId}: ${outcome}.`);
      if (isStored(outcome)) await reindex(record, outcome, capture.body);
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
