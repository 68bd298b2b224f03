import { Dexie } from 'dexie';
import type { ArchiveDb } from '@/utils/db/database';
import { type AccountRecord, type CapturedConversation, type ConversationRecord, RawConversationSchema } from './model';
import { summarizeConversation } from './summarize-conversation';

/** Thrown when captured JSON is not a conversation Lifeboat can archive; the message says why. */
export class InvalidConversationError extends Error {
  override name = 'InvalidConversationError';
}

/** Validates a captured conversation and builds the archive row for it, without touching the database. */
export function toConversationRecord(capture: CapturedConversation, capturedAt: number): ConversationRecord {
  const parsed = RawConversationSchema.safeParse(capture.conversation);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    // Messages written for a field name it already (`mapping` is missing); zod's own ones need the path.
    const where = path !== '' && !issue?.message.includes(`\`${path}\``) ? ` at ${path}` : '';
    throw new InvalidConversationError(
      `Conversation ${capture.conversationId} was not saved: ${issue?.message ?? 'unreadable JSON'}${where}.`,
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

/** Stores a captured conversation and its account in one transaction. Throws InvalidConversationError. */
export async function saveConversation(
  db: ArchiveDb,
  capture: CapturedConversation,
  now: number = Date.now(),
): Promise<ConversationRecord> {
  const record = toConversationRecord(capture, now);
  const account: AccountRecord = { ...capture.account, lastSeenAt: now };
  await db.transaction('rw', db.conversations, db.accounts, async () => {
    await db.accounts.put(account);
    await db.conversations.put(record);
  });
  return record;
}

/** The account whose chats the UI shows: the one most recently seen signed in on chatgpt.com. */
export function getCurrentAccount(db: ArchiveDb): Promise<AccountRecord | undefined> {
  return db.accounts.orderBy('lastSeenAt').last();
}

/** An account's conversations, most recently updated first. */
export function listConversations(db: ArchiveDb, accountId: string, limit = Number.POSITIVE_INFINITY) {
  return db.conversations
    .where('[accountId+updatedAt]')
    .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** How many conversations an account has in the archive. */
export function countConversations(db: ArchiveDb, accountId: string): Promise<number> {
  return db.conversations
    .where('[accountId+updatedAt]')
    .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
    .count();
}
