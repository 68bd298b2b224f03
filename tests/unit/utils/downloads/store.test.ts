import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveDb } from '@/utils/db/database';
import { deleteHandoff, getHandoff, putHandoff } from '@/utils/downloads/store';

let db: ArchiveDb;
beforeEach(() => {
  db = new ArchiveDb(`handoff-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('hand-offs', () => {
  it('should keep a Blob until it is deleted and count the ones still waiting', async () => {
    const id = await putHandoff(db, new Blob(['x']), 1000);
    expect(await (await getHandoff(db, id))?.blob.text()).toBe('x');
    const other = await putHandoff(db, new Blob(['y']), 2000);
    expect(await deleteHandoff(db, id)).toBe(1);
    expect(await getHandoff(db, id)).toBeUndefined();
    expect(await deleteHandoff(db, other)).toBe(0);
  });

  it('should sweep hand-offs left by a worker that was stopped an hour ago', async () => {
    const stale = await putHandoff(db, new Blob(['old']), 0);
    await putHandoff(db, new Blob(['new']), 60 * 60 * 1000 + 1);
    expect(await getHandoff(db, stale)).toBeUndefined();
    expect(await db.handoffs.count()).toBe(1);
  });
});
