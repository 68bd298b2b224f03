import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveDb } from '@/utils/db/database';

// Each schema version above 1 gets a test here that seeds the previous version with a throwaway Dexie and
// opens ArchiveDb on it (see tests/unit/conventions.test.ts).

const names: string[] = [];
function freshName(): string {
  const name = `db-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

describe('ArchiveDb', () => {
  it('should create every table with its indexes on a fresh install (v1)', async () => {
    const db = new ArchiveDb(freshName());
    await db.open();
    expect(db.verno).toBe(1);
    const schema = Object.fromEntries(
      db.tables.map((table) => [table.name, [table.schema.primKey.name, ...table.schema.indexes.map((i) => i.name)]]),
    );
    expect(schema).toEqual({
      conversations: ['id', '[accountId+updatedAt]'],
      accounts: ['id', 'lastSeenAt'],
      handoffs: ['id', 'createdAt'],
    });
    db.close();
  });

  it('should reopen an existing v1 database without changing its rows', async () => {
    const name = freshName();
    const first = new ArchiveDb(name);
    await first.accounts.put({ id: 'user-1', label: 'A', kind: 'personal', lastSeenAt: 1 });
    first.close();
    const again = new ArchiveDb(name);
    expect(await again.accounts.toArray()).toEqual([{ id: 'user-1', label: 'A', kind: 'personal', lastSeenAt: 1 }]);
    again.close();
  });
});
