import { Dexie } from 'dexie';
import type { ArchiveDb } from '@/utils/db/database';
import { describeZodError } from '@/utils/shared/describe-error';
import { LifeboatError } from '@/utils/shared/lifeboat-error';
import { type AccountRecord, type CapturedConversation, type ConversationRecord, RawConversationSchema } from './model';
import { summarizeConversation } from './summarize-conversation';

/** Thrown when captured JSON is not a conversation Lifeboat can archive; the message says why. */
export class InvalidConversationError extends LifeboatError {
  override name = 'InvalidConversationError';
  constructor(message: string) {
    super('invalid-data', message);
  }
}

/** Validates a captured conversation and builds the archive row for it, without touching the database. */
export function toConversationRecord(capture: CapturedConversation, capturedAt: number): ConversationRecord {
  const parsed = RawConversationSchema.safeParse(capture.conversation);
  if (!parsed.success) {
    throw new InvalidConversationError(
      `Conversation ${capture.conversationId} was not saved: ${describeZodError(parsed.error, 1)}.`,
    );
  }
  const ownId = parsed.data.conversation_id ?? parsed.data.id;
  if (ownId !== undefined && ownId !== capture.conversationId) {
    throw new InvalidConversationError(
      `Conversation ${capture.conversationId} was not saved: the server sent conversation ${ownId} instead.`,
    );
  }
  return {
    id: capture.conversationId,
    accountId: capture.account.id,
    ...summarizeConversation(parsed.data, capturedAt),
    capturedAt,
    // The object as received, not `parsed.data`: the archive keeps ChatGPT's JSON losslessly.
    raw: capture.conversation,
  };
}

/** What saveConversation did: stored the capture, or kept a newer copy it already had. */
export interface SaveResult {
  record: ConversationRecord;
  stored: boolean;
}

/**
 * Stores a captured conversation and its account in one transaction. A copy already in the archive that
 * ChatGPT updated later (a slower capture from another tab) is kept. Throws InvalidConversationError for bad
 * JSON, and LifeboatError `refused` when the id is archived under another account.
 */
export async function saveConversation(
  db: ArchiveDb,
  capture: CapturedConversation,
  now: number = Date.now(),
): Promise<SaveResult> {
  const record = toConversationRecord(capture, now);
  const account: AccountRecord = { ...capture.account, lastSeenAt: now };
  return db.transaction('rw', db.conversations, db.accounts, async () => {
    const existing = await db.conversations.get(record.id);
    if (existing !== undefined && existing.accountId !== record.accountId) {
      throw new LifeboatError(
        'refused',
        `Conversation ${record.id} was not saved: the archive holds it under another ChatGPT account.`,
      );
    }
    await db.accounts.put(account);
    if (existing !== undefined && existing.updatedAt > record.updatedAt) return { record: existing, stored: false };
    await db.conversations.put(record);
    return { record, stored: true };
  });
}

/** The account whose chats the UI shows: the one most recently seen signed in on chatgpt.com. */
export function getCurrentAccount(db: ArchiveDb): Promise<AccountRecord | undefined> {
  return db.accounts.orderBy('lastSeenAt').last();
}

function byAccount(db: ArchiveDb, accountId: string) {
  return db.conversations.where('[accountId+updatedAt]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]);
}

/** An account's conversations, most recently updated first (at most `limit`). */
export function listConversations(
  db: ArchiveDb,
  accountId: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<ConversationRecord[]> {
  return byAccount(db, accountId).reverse().limit(limit).toArray();
}

/** How many conversations an account has in the archive. */
export function countConversations(db: ArchiveDb, accountId: string): Promise<number> {
  return byAccount(db, accountId).count();
}

/** One conversation, only if it belongs to `accountId`: views never show one account's chat under another. */
export async function getConversation(
  db: ArchiveDb,
  accountId: string,
  id: string,
): Promise<ConversationRecord | undefined> {
  const record = await db.conversations.get(id);
  return record?.accountId === accountId ? record : undefined;
}
