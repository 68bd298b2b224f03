import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveDb } from '@/utils/db/database';
import { createOffscreenHandlers } from '@/utils/downloads/offscreen-handlers';

let db: ArchiveDb;
beforeEach(() => {
  db = new ArchiveDb(`offscreen-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('createOffscreenHandlers', () => {
  it('should turn a hand-off Blob into a blob: URL that reads back the same bytes', async () => {
    await db.handoffs.put({ id: 'h1', blob: new Blob(['{"a":1}']), createdAt: 0 });
    const handlers = createOffscreenHandlers({ db });
    const { url } = await handlers.createDownloadUrl({ handoffId: 'h1' }, {});
    expect(url).toMatch(/^blob:/);
    expect(await resolveObjectURL(url)?.text()).toBe('{"a":1}');
    await expect(handlers.revokeDownloadUrl({ url }, {})).resolves.toEqual({ revoked: true });
    expect(resolveObjectURL(url)).toBeUndefined();
  });

  it('should say so when the hand-off is gone', async () => {
    await expect(createOffscreenHandlers({ db }).createDownloadUrl({ handoffId: 'gone' }, {})).rejects.toMatchObject({
      code: 'not-found',
      message: 'Download gone is no longer waiting.',
    });
  });
});
