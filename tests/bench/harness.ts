import '@/utils/shared/zod-jitless';
import { Dexie } from 'dexie';
import {
  countConversations,
  listConversations,
  prepareConversation,
  saveConversation,
  saveConversations,
} from '@/utils/conversations/store';
import type { ConversationRecordV1 } from '@/utils/db/database';
import { ArchiveDb } from '@/utils/db/database';
import { sendMessage } from '@/utils/messaging/protocol';

// Runs inside an extension page of the built extension (bundled by run-bench.ts and evaluated there), so every
// scenario uses the real IndexedDB of the extension origin and, for the full path, the real background.

const ACCOUNT = { id: 'user-bench', label: 'Bench', kind: 'personal' as const };
/** What the popup lists. */
const POPUP_LIMIT = 50;
/** Chats per page of the back-up path (the list endpoint's page size). */
const BATCH = 100;
/** Times each list query runs per measurement; the median of them is reported. */
const QUERY_REPEATS = 20;

/** The ingest baseline: one bare Dexie table of body texts, no validation and no derived fields. */
class BaselineDb extends Dexie {
  conversations!: Dexie.Table<{ id: string; text: string }, string>;
  constructor() {
    super('lifeboat-bench-baseline');
    this.version(1).stores({ conversations: 'id' });
  }
}

/** The list-query baseline: the schema v1 layout, each row carrying its whole parsed JSON in `raw`. */
class V1LayoutDb extends Dexie {
  conversations!: Dexie.Table<ConversationRecordV1, string>;
  constructor() {
    super('lifeboat-bench-v1-layout');
    this.version(1).stores({ conversations: 'id, [accountId+updatedAt]' });
  }
}

const archive = new ArchiveDb();
const baseline = new BaselineDb();
const v1Layout = new V1LayoutDb();

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const idOf = (body: string) => String((JSON.parse(body) as { conversation_id: unknown }).conversation_id);
const captureOf = (body: string, conversationId = idOf(body)) => ({ conversationId, account: ACCOUNT, body });

/** Ingest scenarios: each stores every body and returns the milliseconds it took. */
const ingest = {
  /** Baseline: one bare Dexie bulkPut of the body texts. */
  bulkPutBaseline: (bodies: string[]) =>
    timed(() => baseline.conversations.bulkPut(bodies.map((text) => ({ id: idOf(text), text })))),
  /** Parse, validate, derive the list fields and hash the body, no database: the CPU part of a capture. */
  validateOnly: (bodies: string[]) =>
    timed(async () => {
      for (const body of bodies) await prepareConversation(captureOf(body), { capturedAt: 0, source: 'sync' });
    }),
  /** The background's own work without messaging: validate, derive, compare and store in one transaction. */
  storeInPage: (bodies: string[]) =>
    timed(async () => {
      for (const body of bodies) await saveConversation(archive, captureOf(body), { capturedAt: 0, source: 'sync' });
    }),
  /** The back-up path: pages of 100 chats, each page validated, compared and stored in one transaction. */
  storeInBatches: (bodies: string[]) =>
    timed(async () => {
      for (let start = 0; start < bodies.length; start += BATCH) {
        await saveConversations(
          archive,
          bodies.slice(start, start + BATCH).map((body) => captureOf(body)),
          {
            capturedAt: 0,
            source: 'sync',
          },
        );
      }
    }),
  /** The real path a content script takes: one protocol message per chat, validated and stored by the background. */
  storeThroughBackground: (bodies: string[]) =>
    timed(async () => {
      for (const body of bodies) await sendMessage('saveConversation', captureOf(body));
    }),
};

/** Fills both layouts with the same chats, for the list queries. */
async function seedLists(bodies: string[]): Promise<void> {
  await reset();
  for (const body of bodies) await saveConversation(archive, captureOf(body), { capturedAt: 0, source: 'sync' });
  const rows = await archive.conversations.toArray();
  const texts = new Map(bodies.map((body) => [idOf(body), body]));
  await v1Layout.conversations.bulkPut(
    rows.map((row) => ({
      id: row.id,
      accountId: row.accountId,
      title: row.title,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      model: row.model,
      gizmoId: row.gizmoId,
      isArchived: row.isArchived,
      messageCount: row.messageCount,
      branchCount: row.branchCount,
      capturedAt: row.capturedAt,
      raw: JSON.parse(texts.get(row.id) ?? 'null'),
    })),
  );
}

/** The popup's live query (newest 50 and the total) on each layout: median milliseconds of one run. */
const lists = {
  /** Baseline: schema v1, whose rows carry the whole JSON. */
  popupQueryV1: async () => {
    const runs: number[] = [];
    for (let run = 0; run < QUERY_REPEATS; run += 1) {
      runs.push(
        await timed(() =>
          Promise.all([
            v1Layout.conversations
              .where('[accountId+updatedAt]')
              .between([ACCOUNT.id, Dexie.minKey], [ACCOUNT.id, Dexie.maxKey])
              .reverse()
              .limit(POPUP_LIMIT)
              .toArray(),
            v1Layout.conversations
              .where('[accountId+updatedAt]')
              .between([ACCOUNT.id, Dexie.minKey], [ACCOUNT.id, Dexie.maxKey])
              .count(),
          ]),
        ),
      );
    }
    return median(runs);
  },
  /** Schema v2: small list rows, the JSON in its own table. */
  popupQueryV2: async () => {
    const runs: number[] = [];
    for (let run = 0; run < QUERY_REPEATS; run += 1) {
      runs.push(
        await timed(() =>
          Promise.all([listConversations(archive, ACCOUNT.id, POPUP_LIMIT), countConversations(archive, ACCOUNT.id)]),
        ),
      );
    }
    return median(runs);
  },
};

async function reset(): Promise<void> {
  await Promise.all([
    archive.conversations.clear(),
    archive.conversationBodies.clear(),
    archive.accounts.clear(),
    baseline.conversations.clear(),
    v1Layout.conversations.clear(),
  ]);
}

async function count(): Promise<{ archive: number; bodies: number; baseline: number; v1Layout: number }> {
  return {
    archive: await archive.conversations.count(),
    bodies: await archive.conversationBodies.count(),
    baseline: await baseline.conversations.count(),
    v1Layout: await v1Layout.conversations.count(),
  };
}

const lifeboatBench = { ingest, lists, seedLists, reset, count };
Object.assign(globalThis, { lifeboatBench, bench: () => lifeboatBench });
