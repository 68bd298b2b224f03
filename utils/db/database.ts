import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { AccountRecord, ConversationBody, ConversationRecord } from '@/utils/conversations/model';
import type { HandoffRecord } from '@/utils/downloads/model';
import type { SearchDocRecord } from '@/utils/search/model';
import { toEpochMs } from '@/utils/shared/time';
import { utf8ByteLength } from '@/utils/shared/utf8';

/** The name of Lifeboat's IndexedDB database in the extension origin. */
export const ARCHIVE_DB_NAME = 'lifeboat';

/** A conversation row as schema v1 stored it: the parsed JSON in `raw`, and no record of how its account was chosen. */
export interface ConversationRecordV1 {
  id: string;
  accountId: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  model: string | null;
  gizmoId: string | null;
  isArchived: boolean;
  messageCount: number;
  branchCount: number;
  capturedAt: number;
  raw: unknown;
}

/** Rows moved per step of the v2 upgrade: bodies can be megabytes, so never all of them at once. */
const UPGRADE_BATCH = 50;

/**
 * v1 → v2: each conversation's JSON moves to `conversationBodies`, so list queries no longer read megabytes of it.
 * v1 kept the parsed object, not the bytes, so the body is serialised again and marked inexact. v1 decided the
 * account before waiting its turn (and guessed "personal" when a lookup failed), so every v1 row is marked `v1`:
 * the next capture, which records the account the request was really sent as, is trusted over it.
 */
async function moveBodiesOut(tx: Transaction): Promise<void> {
  const conversations = tx.table<ConversationRecordV1 | ConversationRecord, string>('conversations');
  const bodies = tx.table<ConversationBody, string>('conversationBodies');
  const ids = await conversations.toCollection().primaryKeys();
  for (let start = 0; start < ids.length; start += UPGRADE_BATCH) {
    const rows = await conversations.bulkGet(ids.slice(start, start + UPGRADE_BATCH));
    const moved: ConversationBody[] = [];
    const updated: ConversationRecord[] = [];
    for (const row of rows) {
      if (row === undefined || !('raw' in row)) continue;
      const { raw, ...rest } = row;
      const text = JSON.stringify(raw) ?? 'null';
      const update = raw !== null && typeof raw === 'object' ? (raw as { update_time?: unknown }).update_time : null;
      moved.push({ id: row.id, text, exact: false });
      updated.push({
        ...rest,
        accountBasis: 'v1',
        updatedAtKnown: toEpochMs(update) !== undefined,
        checkedAt: row.capturedAt,
        capturedBy: 'page',
        contentHash: null,
        bodyBytes: utf8ByteLength(text),
      });
    }
    await bodies.bulkPut(moved);
    await conversations.bulkPut(updated);
  }
}

/**
 * Lifeboat's one IndexedDB database. Every version below lists its full table set, so each block reads as a
 * complete snapshot; every version above 1 has a test in tests/unit/utils/db/, and an upgrade function when
 * existing rows change.
 * Index only what is queried.
 */
export class ArchiveDb extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  conversationBodies!: EntityTable<ConversationBody, 'id'>;
  accounts!: EntityTable<AccountRecord, 'id'>;
  handoffs!: EntityTable<HandoffRecord, 'id'>;
  searchDocs!: EntityTable<SearchDocRecord, 'id'>;

  constructor(name: string = ARCHIVE_DB_NAME) {
    super(name);
    // v1: conversations listed per account, newest first; accounts by last sign-in; download hand-offs by age.
    this.version(1).stores({
      conversations: 'id, [accountId+updatedAt]',
      accounts: 'id, lastSeenAt',
      handoffs: 'id, createdAt',
    });
    // v2: the JSON body in its own table (lists stay small); rows record how their account was decided.
    this.version(2)
      .stores({
        conversations: 'id, [accountId+updatedAt]',
        conversationBodies: 'id',
        accounts: 'id, lastSeenAt',
        handoffs: 'id, createdAt',
      })
      .upgrade(moveBodiesOut);
    // v3: the full-text search index, one row per conversation with a multiEntry index of its terms. No upgrade:
    // the table starts empty, and listUnindexed (utils/search) lists the chats a background job still has to index.
    this.version(3).stores({
      conversations: 'id, [accountId+updatedAt]',
      conversationBodies: 'id',
      accounts: 'id, lastSeenAt',
      handoffs: 'id, createdAt',
      searchDocs: 'id, [accountId+updatedAt+id], *terms',
    });
  }
}
