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
import { indexConversations, searchConversations, toSearchDoc } from '@/utils/search/search-index';
import { parseQuery } from '@/utils/search/tokenize';
import { generateSearchCorpus, type SearchCorpusChat } from './generate-conversations';

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

/** The search scenarios' own databases, so they never disturb the archive the other scenarios fill. */
const SEARCH_DB = 'lifeboat-bench-search';
/** Chats per transaction when building the index: a page of the back-up-all list. */
const SEARCH_BATCH = 100;
const SEARCH_ACCOUNT = 'user-bench';

/** The search baseline: the same texts, stored bare, scanned with a cursor. */
class SearchBaselineDb extends Dexie {
  chats!: Dexie.Table<SearchCorpusChat, string>;
  constructor() {
    super('lifeboat-bench-search-baseline');
    this.version(1).stores({ chats: 'id' });
  }
}

/** The layout measured against searchDocs: one row per [term, conversation] (no snippets, no account scoping). */
class TermRowsDb extends Dexie {
  postings!: Dexie.Table<{ term: string; id: string }, [string, string]>;
  constructor() {
    super('lifeboat-bench-term-rows');
    this.version(1).stores({ postings: '[term+id]' });
  }
}

let searchArchive = new ArchiveDb(SEARCH_DB);
const searchBaseline = new SearchBaselineDb();
const termRows = new TermRowsDb();
/** Generated in the page: 10,000 chats of text are too much to pass through the DevTools protocol. */
let corpus: SearchCorpusChat[] = [];

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

function batches<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / SEARCH_BATCH) }, (_, i) =>
    items.slice(i * SEARCH_BATCH, (i + 1) * SEARCH_BATCH),
  );
}

const search = {
  /** Generates the corpus in the page; returns its size in characters of text. */
  generate: (count: number) => {
    corpus = generateSearchCorpus(count);
    return corpus.reduce((sum, chat) => sum + chat.messages.reduce((n, m) => n + m.text.length, chat.title.length), 0);
  },
  reset: () => Promise.all([searchArchive.searchDocs.clear(), searchBaseline.chats.clear(), termRows.postings.clear()]),
  /** Baseline: one bare bulkPut per batch of the same texts. */
  bulkPutBaseline: () =>
    timed(async () => {
      for (const batch of batches(corpus)) await searchBaseline.chats.bulkPut(batch);
    }),
  /** The index: tokenise and store each batch in one transaction. */
  buildIndex: () =>
    timed(async () => {
      for (const batch of batches(corpus)) await indexConversations(searchArchive, batch, 0);
    }),
  /** The other layout: the same terms as [term, id] rows, one bulkPut per batch. */
  buildTermRows: () =>
    timed(async () => {
      for (const batch of batches(corpus)) {
        await termRows.postings.bulkPut(
          batch.flatMap((chat) => toSearchDoc(chat, 0).terms.map((term) => ({ term, id: chat.id }))),
        );
      }
    }),
  /** Milliseconds of each query, `rounds` times over the list (after one untimed warm-up round). */
  warm: async (queries: string[], rounds: number) => {
    const times: number[] = [];
    const hits: number[] = [];
    for (let round = -1; round < rounds; round += 1) {
      for (const query of queries) {
        let found = 0;
        const ms = await timed(async () => {
          found = (await searchConversations(searchArchive, { accountId: SEARCH_ACCOUNT, query, limit: 20 })).length;
        });
        if (round >= 0) times.push(ms);
        if (round === 0) hits.push(found);
      }
    }
    return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times), hits };
  },
  /** The first search on a freshly opened database, opening included (call on a freshly loaded page). */
  first: async (query: string) => {
    searchArchive.close();
    searchArchive = new ArchiveDb(SEARCH_DB);
    let found = 0;
    const ms = await timed(async () => {
      found = (await searchConversations(searchArchive, { accountId: SEARCH_ACCOUNT, query, limit: 20 })).length;
    });
    return { ms, found };
  },
  /** The other layout's lookups and intersection only (a lower bound of a search on it), per query. */
  termRowsLookups: async (queries: string[]) => {
    const times: number[] = [];
    for (const query of queries) {
      times.push(
        await timed(async () => {
          const sets = await Promise.all(
            parseQuery(query)
              .flatMap((word) => word.lookups)
              .map(async ({ term, prefix }) => {
                const keys = await termRows.postings
                  .where('[term+id]')
                  .between([term, ''], [prefix ? `${term}\uffff` : term, '\uffff'], true, true)
                  .primaryKeys();
                return new Set(keys.map(([, id]) => id));
              }),
          );
          const [first, ...rest] = sets.sort((a, b) => a.size - b.size);
          return [...(first ?? [])].filter((id) => rest.every((set) => set.has(id)));
        }),
      );
    }
    return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
  },
  /** Baseline: a cursor over every stored chat, lower-cased text checked with `includes` for each query word. */
  scan: async (queries: string[]) => {
    const times: number[] = [];
    for (const query of queries) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      times.push(
        await timed(async () => {
          const found: string[] = [];
          await searchBaseline.chats.each((chat) => {
            if (chat.accountId !== SEARCH_ACCOUNT) return;
            const text = [chat.title, ...chat.messages.map((m) => m.text)].join('\n').toLowerCase();
            if (words.every((word) => text.includes(word))) found.push(chat.id);
          });
          return found;
        }),
      );
    }
    return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
  },
  count: async () => ({
    docs: await searchArchive.searchDocs.count(),
    baseline: await searchBaseline.chats.count(),
    termRows: await termRows.postings.count(),
  }),
  /** Bytes the origin uses, as the browser estimates it (all databases of the page together). */
  usage: async () => (await navigator.storage.estimate()).usage ?? 0,
};

const lifeboatBench = { ingest, lists, seedLists, reset, count, search };
Object.assign(globalThis, { lifeboatBench, bench: () => lifeboatBench });
