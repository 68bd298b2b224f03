import { Dexie } from 'dexie';
import type { ArchiveDb } from '@/utils/db/database';
import { describeError, describeZodError } from '@/utils/shared/describe-error';
import { LifeboatError } from '@/utils/shared/lifeboat-error';
import { megabytes, sha256Hex, utf8ByteLength } from '@/utils/shared/utf8';
import {
  type AccountRecord,
  type CapturedConversation,
  type CaptureSource,
  type ConversationBody,
  type ConversationRecord,
  isStored,
  MAX_CONVERSATION_BYTES,
  RawConversationSchema,
  type SaveOutcome,
} from './model';
import { summarizeConversation } from './summarize-conversation';

/** Thrown when captured JSON is not a conversation Lifeboat can archive; the message says why. */
export class InvalidConversationError extends LifeboatError {
  override name = 'InvalidConversationError';
  constructor(message: string) {
    super('invalid-data', message);
  }
}

/** The rows one capture becomes, before anything is written. */
export interface PreparedConversation {
  record: ConversationRecord;
  body: ConversationBody;
}

/** Where a capture came from and when it arrived. */
export interface CaptureContext {
  capturedAt: number;
  source: CaptureSource;
}

function invalid(capture: CapturedConversation, reason: string): InvalidConversationError {
  return new InvalidConversationError(`Conversation ${capture.conversationId} was not saved: ${reason}.`);
}

/**
 * Validates a captured conversation and builds its archive rows, without touching the database; `contentHash`
 * is the SHA-256 of the body (see prepareConversation). Throws InvalidConversationError saying what is wrong.
 */
export function toConversationRows(
  capture: CapturedConversation,
  { capturedAt, source }: CaptureContext,
  contentHash: string,
  /** The body's UTF-8 size, when the caller has measured it already (a long chat takes a while to measure). */
  bodyBytes: number = utf8ByteLength(capture.body),
): PreparedConversation {
  if (bodyBytes > MAX_CONVERSATION_BYTES) {
    throw invalid(
      capture,
      `it is ${megabytes(bodyBytes)} MB (${bodyBytes} bytes), more than the ${megabytes(MAX_CONVERSATION_BYTES)} MB (${MAX_CONVERSATION_BYTES} bytes) Lifeboat keeps for one chat`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(capture.body);
  } catch (error) {
    throw invalid(capture, `the answer is not valid JSON (${describeError(error)})`);
  }
  const parsed = RawConversationSchema.safeParse(json);
  if (!parsed.success) throw invalid(capture, describeZodError(parsed.error, 1));
  // A temporary chat is one the user asked ChatGPT not to keep: Lifeboat does not keep it either.
  if ((parsed.data as { is_temporary_chat?: unknown }).is_temporary_chat === true) {
    throw invalid(capture, 'it is a temporary chat, which Lifeboat never stores');
  }
  const ownId = parsed.data.conversation_id ?? parsed.data.id;
  if (ownId !== undefined && ownId !== capture.conversationId) {
    throw invalid(capture, `the server sent conversation ${ownId} instead`);
  }
  return {
    record: {
      id: capture.conversationId,
      accountId: capture.account.id,
      accountBasis: 'request',
      ...summarizeConversation(parsed.data, capturedAt),
      capturedAt,
      checkedAt: capturedAt,
      capturedBy: source,
      contentHash,
      bodyBytes,
    },
    // The text as received, not `parsed.data` nor a re-serialisation: the archive keeps ChatGPT's bytes.
    body: { id: capture.conversationId, text: capture.body, exact: true },
  };
}

/** Validates a capture and builds its rows; async only for the body's hash. Throws InvalidConversationError. */
export async function prepareConversation(
  capture: CapturedConversation,
  context: CaptureContext,
): Promise<PreparedConversation> {
  // Measured once, before hashing, so an oversized body is refused without copying it into bytes.
  const bodyBytes = utf8ByteLength(capture.body);
  if (bodyBytes > MAX_CONVERSATION_BYTES) return toConversationRows(capture, context, '', bodyBytes);
  return toConversationRows(capture, context, await sha256Hex(capture.body), bodyBytes);
}

/** What the archive should do with an arriving copy, given the stored one (which belongs to the same account). */
function compareCopies(existing: ConversationRecord, arriving: ConversationRecord): SaveOutcome {
  if (existing.updatedAtKnown && arriving.updatedAtKnown && existing.updatedAt !== arriving.updatedAt) {
    return existing.updatedAt > arriving.updatedAt ? 'kept-newer' : 'updated';
  }
  // Same update time, or one of them unreadable: only the content can tell a real change from a recapture.
  return existing.contentHash === arriving.contentHash ? 'unchanged' : 'updated';
}

/** What saveConversation did, and the row the archive holds afterwards. */
export interface SaveResult {
  record: ConversationRecord;
  outcome: SaveOutcome;
}

/** What one arriving copy does to the archive: its outcome, the row to write and, when it is stored, its body. */
interface Decision {
  outcome: SaveOutcome;
  row: ConversationRecord;
  body: ConversationBody | undefined;
}

/**
 * Decides what an arriving copy does, given the stored row of the same id (pure: no database). A copy ChatGPT
 * updated later is kept, an identical one only marked as checked, one filed by v1's guess under another account
 * moved (keeping the newer content). Throws LifeboatError `refused` when a verified copy belongs to another account.
 */
function decide(
  existing: ConversationRecord | undefined,
  { record, body }: PreparedConversation,
  capturedAt: number,
): Decision {
  if (existing === undefined) return { outcome: 'created', row: record, body };
  if (existing.accountId !== record.accountId) {
    if (existing.accountBasis !== 'v1') {
      throw new LifeboatError(
        'refused',
        `Conversation ${record.id} was not saved: the archive holds it under another ChatGPT account.`,
      );
    }
    // The account was wrong, not necessarily the content: a slower, older copy must not replace a newer one.
    if (compareCopies(existing, record) === 'kept-newer') {
      const row = { ...existing, accountId: record.accountId, accountBasis: 'request' as const, checkedAt: capturedAt };
      return { outcome: 'moved', row, body: undefined };
    }
    return { outcome: 'moved', row: record, body };
  }
  const outcome = compareCopies(existing, record);
  if (isStored(outcome)) return { outcome, row: record, body };
  // The stored copy stays, but it is now known to belong to the account this request was sent as.
  return { outcome, row: { ...existing, checkedAt: capturedAt, accountBasis: 'request' }, body: undefined };
}

/** Whether an error is the browser refusing to store more (Dexie wraps it, keeping its name). */
function isQuotaError(error: unknown): boolean {
  for (
    let cause = error as { name?: unknown; inner?: unknown } | undefined, depth = 0;
    cause && depth < 5;
    depth += 1
  ) {
    if (cause.name === 'QuotaExceededError') return true;
    cause = cause.inner as typeof cause;
  }
  return false;
}

/** Runs `write`; a full disk becomes a clear LifeboatError (the transaction left everything as it was). */
async function withQuotaMessage<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) {
      throw new LifeboatError(
        'failed',
        `${what} not saved: the disk is full (the browser refused more storage). Nothing was changed; free some space and try again.`,
      );
    }
    throw error;
  }
}

/**
 * Stores a captured conversation, its body and its account in one transaction, as `decide` says. Throws
 * InvalidConversationError for bad JSON, LifeboatError `refused` when a verified copy of the id belongs to
 * another account, and LifeboatError `failed` saying so when the disk is full.
 */
export async function saveConversation(
  db: ArchiveDb,
  capture: CapturedConversation,
  context: CaptureContext,
): Promise<SaveResult> {
  const prepared = await prepareConversation(capture, context);
  const account: AccountRecord = { ...capture.account, lastSeenAt: context.capturedAt };
  return withQuotaMessage(`Conversation ${prepared.record.id} was`, () =>
    db.transaction('rw', db.conversations, db.conversationBodies, db.accounts, async () => {
      const decision = decide(await db.conversations.get(prepared.record.id), prepared, context.capturedAt);
      await db.accounts.put(account);
      await db.conversations.put(decision.row);
      if (decision.body !== undefined) await db.conversationBodies.put(decision.body);
      return { record: decision.row, outcome: decision.outcome };
    }),
  );
}

/** How one capture of a batch ended: saved as `outcome`, or set aside with the reason. */
export type BatchItemResult =
  | { id: string; outcome: SaveOutcome; record: ConversationRecord }
  | { id: string; error: LifeboatError };

/**
 * Stores many captures (one page of a back-up) in ONE transaction: a few bulk reads and writes instead of a
 * transaction per chat. Each capture is decided exactly as saveConversation would; one that is invalid or
 * refused is set aside with its reason, never failing the others. Later captures of the same id in the batch
 * see the earlier ones. A full disk fails the whole batch, and then nothing of it was written.
 */
export async function saveConversations(
  db: ArchiveDb,
  captures: readonly CapturedConversation[],
  context: CaptureContext,
): Promise<BatchItemResult[]> {
  const prepared = await Promise.all(
    captures.map((capture) =>
      prepareConversation(capture, context).catch((error: unknown) =>
        error instanceof LifeboatError ? error : new LifeboatError('invalid-data', describeError(error)),
      ),
    ),
  );
  const accounts = new Map<string, AccountRecord>();
  for (const [index, item] of prepared.entries()) {
    const account = captures[index]?.account;
    if (!(item instanceof LifeboatError) && account !== undefined) {
      accounts.set(account.id, { ...account, lastSeenAt: context.capturedAt });
    }
  }
  const ids = [...new Set(prepared.flatMap((item) => (item instanceof LifeboatError ? [] : [item.record.id])))];
  return withQuotaMessage(`${captures.length} conversations were`, () =>
    db.transaction('rw', db.conversations, db.conversationBodies, db.accounts, async () => {
      const stored = await db.conversations.bulkGet(ids);
      const current = new Map(ids.map((id, index) => [id, stored[index]]));
      const rows = new Map<string, ConversationRecord>();
      const bodies = new Map<string, ConversationBody>();
      const results = prepared.map((item, index): BatchItemResult => {
        const id = captures[index]?.conversationId ?? '';
        if (item instanceof LifeboatError) return { id, error: item };
        try {
          const decision = decide(current.get(id), item, context.capturedAt);
          current.set(id, decision.row);
          rows.set(id, decision.row);
          if (decision.body !== undefined) bodies.set(id, decision.body);
          return { id, outcome: decision.outcome, record: decision.row };
        } catch (error) {
          return {
            id,
            error: error instanceof LifeboatError ? error : new LifeboatError('failed', describeError(error)),
          };
        }
      });
      await db.accounts.bulkPut([...accounts.values()]);
      await db.conversations.bulkPut([...rows.values()]);
      await db.conversationBodies.bulkPut([...bodies.values()]);
      return results;
    }),
  );
}

/** A stored conversation's JSON text, exactly as received; undefined when the id is not archived. */
export async function getConversationBody(db: ArchiveDb, id: string): Promise<ConversationBody | undefined> {
  return db.conversationBodies.get(id);
}

/** Every account Lifeboat has seen signed in on chatgpt.com, most recently seen first. */
export function listAccounts(db: ArchiveDb): Promise<AccountRecord[]> {
  return db.accounts.orderBy('lastSeenAt').reverse().toArray();
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

/**
 * One conversation's row, whichever account it belongs to; views check `accountId` themselves and never show
 * one account's chat under another.
 */
export function getConversation(db: ArchiveDb, id: string): Promise<ConversationRecord | undefined> {
  return db.conversations.get(id);
}
