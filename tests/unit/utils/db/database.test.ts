import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { getConversationBody, saveConversation } from '@/utils/conversations/store';
import { ArchiveDb, type ConversationRecordV1 } from '@/utils/db/database';
import { indexConversation, listUnindexed, searchConversations } from '@/utils/search/search-index';
import { buildAccount, buildCapture, buildRawConversation, FIXED_NOW } from '../../../factories';

// Each schema version above 1 gets a test here that seeds the previous version with a throwaway Dexie and
// opens ArchiveDb on it (see tests/unit/conventions.test.ts).

const names: string[] = [];
function freshName(): string {
  const name = `db-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** Tables and their indexes, primary key first, as the open database has them. */
function schemaOf(db: Dexie): Record<string, string[]> {
  return Object.fromEntries(
    db.tables.map((table) => [table.name, [table.schema.primKey.name, ...table.schema.indexes.map((i) => i.name)]]),
  );
}

describe('ArchiveDb', () => {
  it('should create every table with its indexes on a fresh install (v3)', async () => {
    const db = new ArchiveDb(freshName());
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(3);
    expect(schemaOf(db)).toEqual({
      conversations: ['id', '[accountId+updatedAt]'],
      conversationBodies: ['id'],
      accounts: ['id', 'lastSeenAt'],
      handoffs: ['id', 'createdAt'],
      searchDocs: ['id', '[accountId+updatedAt+id]', 'terms'],
    });
    expect(db.searchDocs.schema.idxByName.terms?.multi).toBe(true);
  });
});

describe('the v1 → v2 upgrade', () => {
  /** Crosses the upgrade's batches of 50 rows more than once. */
  const ROWS = 123;
  const accounts = [
    { id: 'user-1', label: 'Me', kind: 'personal' as const, lastSeenAt: FIXED_NOW - 10 },
    { id: 'workspace-team', label: 'Team', kind: 'workspace' as const, lastSeenAt: FIXED_NOW },
  ];
  const handoffs = [{ id: 'handoff-1', blob: new Blob(['{"a":1}'], { type: 'application/json' }), createdAt: 5 }];

  /** A v1 row as v1 summarised it: the parsed JSON in `raw`, times read from it. */
  function v1Row(index: number, raw: Record<string, unknown>): ConversationRecordV1 {
    const createdAt = Number(raw.create_time) * 1000;
    return {
      id: String(raw.id),
      accountId: index % 2 === 0 ? 'user-1' : 'workspace-team',
      title: String(raw.title),
      createdAt,
      updatedAt: raw.update_time === undefined ? createdAt : Number(raw.update_time) * 1000,
      model: 'gpt-5',
      gizmoId: null,
      isArchived: false,
      messageCount: 2,
      branchCount: 1,
      capturedAt: FIXED_NOW + index,
      raw,
    };
  }

  /** v1's rows: plenty of ordinary ones, one without update_time, one with integer-like keys and Korean text. */
  function v1Rows(): ConversationRecordV1[] {
    const rows = Array.from({ length: ROWS }, (_, index) =>
      v1Row(index, buildRawConversation(`conv-${String(index).padStart(3, '0')}`)),
    );
    const { update_time: _gone, ...noTime } = buildRawConversation('conv-no-time');
    rows.push(v1Row(1000, noTime));
    rows.push(
      v1Row(
        1001,
        buildRawConversation('conv-int-keys', [{ role: 'user', text: '대화를 지켜요' }], {
          b: 'bee',
          10: 'ten',
          2: 'two',
        }),
      ),
    );
    return rows;
  }

  /** Writes `rows` into a database that knows only schema v1, as Lifeboat 0.1 left it, and closes it. */
  async function seedV1(name: string, rows: ConversationRecordV1[]): Promise<void> {
    const v1 = new Dexie(name);
    v1.version(1).stores({
      conversations: 'id, [accountId+updatedAt]',
      accounts: 'id, lastSeenAt',
      handoffs: 'id, createdAt',
    });
    await v1.table('conversations').bulkPut(rows);
    await v1.table('accounts').bulkPut(accounts);
    await v1.table('handoffs').bulkPut(handoffs);
    expect(v1.verno).toBe(1);
    v1.close();
  }

  async function upgraded(rows = v1Rows()): Promise<ArchiveDb> {
    const name = freshName();
    await seedV1(name, rows);
    const db = new ArchiveDb(name);
    opened.push(db);
    await db.open();
    return db;
  }

  it('should open a v1 database with the bodies table added (and, through v3, the search index)', async () => {
    const db = await upgraded();
    expect(db.verno).toBe(3);
    expect(schemaOf(db)).toMatchObject({ conversationBodies: ['id'] });
  });

  it('should move every body out of its row, in every batch', async () => {
    const rows = v1Rows();
    const db = await upgraded(rows);
    const stored = await db.conversations.toArray();
    expect(stored).toHaveLength(rows.length);
    expect(stored.filter((row) => 'raw' in row).map((row) => row.id)).toEqual([]);
    expect(await db.conversationBodies.count()).toBe(rows.length);
    for (const { raw, id } of rows) {
      expect(await db.conversationBodies.get(id), id).toEqual({ id, text: JSON.stringify(raw), exact: false });
    }
  });

  it('should mark every moved row as filed by v1, with its size and no hash', async () => {
    const rows = v1Rows();
    const db = await upgraded(rows);
    for (const { raw, ...v1 } of rows) {
      const bytes = new TextEncoder().encode(JSON.stringify(raw)).byteLength;
      expect(await db.conversations.get(v1.id), v1.id).toEqual({
        ...v1,
        accountBasis: 'v1',
        updatedAtKnown: v1.id !== 'conv-no-time',
        checkedAt: v1.capturedAt,
        capturedBy: 'page',
        contentHash: null,
        bodyBytes: bytes,
      });
    }
  });

  it('should serialise a body with integer-like keys the way JSON.stringify orders them, counting UTF-8 bytes', async () => {
    const db = await upgraded();
    const body = await db.conversationBodies.get('conv-int-keys');
    expect(body?.text.startsWith('{"2":"two","10":"ten",')).toBe(true);
    expect(JSON.parse(body?.text ?? 'null')).toMatchObject({ b: 'bee', 10: 'ten', 2: 'two' });
    const row = await db.conversations.get('conv-int-keys');
    expect(row?.bodyBytes).toBe(new TextEncoder().encode(body?.text).byteLength);
    expect(row?.bodyBytes).toBeGreaterThan(body?.text.length ?? 0);
  });

  it('should leave accounts and download hand-offs as they were', async () => {
    const db = await upgraded();
    expect(await db.accounts.toArray()).toEqual(accounts);
    const [handoff] = await db.handoffs.toArray();
    expect(handoff).toMatchObject({ id: 'handoff-1', createdAt: 5 });
    expect(await handoff?.blob?.text()).toBe('{"a":1}');
  });

  it('should change nothing when the upgrade fails part-way, and open v1 data intact afterwards', async () => {
    const name = freshName();
    const rows = v1Rows();
    // A body JSON cannot express, in the third batch: the upgrade throws after two batches were written.
    const broken = rows[120] as ConversationRecordV1;
    (broken.raw as Record<string, unknown>).unserialisable = 10n;
    await seedV1(name, rows);
    const db = new ArchiveDb(name);
    opened.push(db);
    await expect(db.open()).rejects.toThrow();
    db.close();

    // IndexedDB rolled the whole version change back: still v1, every row with its raw JSON, no bodies table.
    const v1 = new Dexie(name);
    opened.push(v1);
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((table) => table.name).sort()).toEqual(['accounts', 'conversations', 'handoffs']);
    const kept = await v1.table<ConversationRecordV1>('conversations').toArray();
    expect(kept).toHaveLength(rows.length);
    expect(kept.every((row) => row.raw !== undefined && !('accountBasis' in row))).toBe(true);
  });

  it('should upgrade an empty v1 database', async () => {
    const db = await upgraded([]);
    expect(db.verno).toBe(3);
    expect(await db.conversations.count()).toBe(0);
    expect(await db.conversationBodies.count()).toBe(0);
  });

  it('should let a verified capture move a v1 row filed under the wrong account, with an exact body', async () => {
    const db = await upgraded();
    // v1 guessed "personal" (user-1) for conv-000; the request was really sent as the team workspace.
    expect((await db.conversations.get('conv-000'))?.accountId).toBe('user-1');
    const capture = buildCapture(buildRawConversation('conv-000'), {
      account: buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' }),
    });
    const { outcome, record } = await saveConversation(db, capture, { capturedAt: FIXED_NOW + 1, source: 'page' });
    expect(outcome).toBe('moved');
    expect(await db.conversations.get('conv-000')).toEqual(record);
    expect(record).toMatchObject({
      accountId: 'workspace-team',
      accountBasis: 'request',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await getConversationBody(db, 'conv-000')).toEqual({ id: 'conv-000', text: capture.body, exact: true });
  });

  it('should replace an inexact v1 body on the next capture under the same account', async () => {
    const db = await upgraded();
    // Same update time and same data, but v1 kept no bytes to compare: the verified copy replaces it.
    const capture = buildCapture(buildRawConversation('conv-001'), {
      account: buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' }),
    });
    const { outcome } = await saveConversation(db, capture, { capturedAt: FIXED_NOW + 1, source: 'page' });
    expect(outcome).toBe('updated');
    expect(await getConversationBody(db, 'conv-001')).toEqual({ id: 'conv-001', text: capture.body, exact: true });
    expect((await db.conversations.get('conv-001'))?.accountBasis).toBe('request');
  });
});

describe('the v2 → v3 upgrade', () => {
  /** Writes rows into a database that knows only schemas v1 and v2, as Lifeboat left it before search, and closes it. */
  async function seedV2(name: string): Promise<{ ids: string[] }> {
    const v2 = new Dexie(name);
    v2.version(1).stores({
      conversations: 'id, [accountId+updatedAt]',
      accounts: 'id, lastSeenAt',
      handoffs: 'id, createdAt',
    });
    v2.version(2).stores({
      conversations: 'id, [accountId+updatedAt]',
      conversationBodies: 'id',
      accounts: 'id, lastSeenAt',
      handoffs: 'id, createdAt',
    });
    // Rows in the shape v2's saveConversation writes them.
    const seeded = v2;
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const id = `conv-${index}`;
      ids.push(id);
      const raw = buildRawConversation(id, [{ role: 'user', text: `도서관에서 공부 ${index}` }], {
        update_time: FIXED_NOW / 1000 + index,
      });
      await seeded.table('conversations').put({
        id,
        accountId: 'user-1',
        accountBasis: 'request',
        title: `Title ${index}`,
        createdAt: FIXED_NOW,
        updatedAt: FIXED_NOW + index * 1000,
        updatedAtKnown: true,
        model: 'gpt-5',
        gizmoId: null,
        isArchived: false,
        messageCount: 1,
        branchCount: 1,
        capturedAt: FIXED_NOW,
        checkedAt: FIXED_NOW,
        capturedBy: 'page',
        contentHash: null,
        bodyBytes: JSON.stringify(raw).length,
      });
      await seeded.table('conversationBodies').put({ id, text: JSON.stringify(raw), exact: true });
    }
    await seeded.table('accounts').put({ id: 'user-1', label: 'Me', kind: 'personal', lastSeenAt: FIXED_NOW });
    expect(v2.verno).toBe(2);
    seeded.close();
    return { ids };
  }

  async function upgradedFromV2(): Promise<{ db: ArchiveDb; ids: string[]; before: Record<string, unknown[]> }> {
    const name = freshName();
    const { ids } = await seedV2(name);
    const v2 = new Dexie(name);
    await v2.open();
    const before = Object.fromEntries(
      await Promise.all(v2.tables.map(async (table) => [table.name, await table.toArray()] as const)),
    );
    v2.close();
    const db = new ArchiveDb(name);
    opened.push(db);
    await db.open();
    return { db, ids, before };
  }

  it('should open a v2 database as v3 with an empty search index and every other row unchanged', async () => {
    const { db, before } = await upgradedFromV2();
    expect(db.verno).toBe(3);
    expect(await db.searchDocs.count()).toBe(0);
    expect(await db.conversations.toArray()).toEqual(before.conversations);
    expect(await db.conversationBodies.toArray()).toEqual(before.conversationBodies);
    expect(await db.accounts.toArray()).toEqual(before.accounts);
  });

  it('should list every chat stored before v3 as not yet indexed, newest first, until it is indexed', async () => {
    const { db, ids } = await upgradedFromV2();
    expect(await listUnindexed(db)).toEqual([...ids].reverse());
    const row = await db.conversations.get('conv-4');
    await indexConversation(db, {
      id: 'conv-4',
      accountId: 'user-1',
      title: row?.title ?? '',
      updatedAt: row?.updatedAt ?? 0,
      messages: [{ messageId: 'm', text: '도서관에서 공부 4' }],
    });
    expect(await listUnindexed(db, 2)).toEqual(['conv-3', 'conv-2']);
    expect(
      (await searchConversations(db, { accountId: 'user-1', query: '도서관' })).map((r) => r.conversationId),
    ).toEqual(['conv-4']);
  });
});
