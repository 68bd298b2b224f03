import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createOffscreenHandlers } from '@/utils/downloads/offscreen-handlers';
import { freshArchiveDbPerTest } from '../../../factories';

const archive = freshArchiveDbPerTest('offscreen');

describe('createOffscreenHandlers', () => {
  it('should turn a hand-off Blob into a blob: URL that reads back the same bytes', async () => {
    await archive().handoffs.put({ id: 'h1', madeBy: 'offscreen', blob: new Blob(['{"a":1}']), createdAt: 0 });
    const handlers = createOffscreenHandlers({ db: archive() });
    const { url } = await handlers.createDownloadUrl({ handoffId: 'h1' }, {});
    expect(url).toMatch(/^blob:/);
    expect(await resolveObjectURL(url)?.text()).toBe('{"a":1}');
    // Recorded where it is made, so a restarted worker can still have it revoked.
    expect((await archive().handoffs.get('h1'))?.url).toBe(url);
    await expect(handlers.revokeDownloadUrl({ url }, {})).resolves.toEqual({ revoked: true });
    expect(resolveObjectURL(url)).toBeUndefined();
  });

  it('should say so when the hand-off is gone', async () => {
    await expect(
      createOffscreenHandlers({ db: archive() }).createDownloadUrl({ handoffId: 'gone' }, {}),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: 'Download gone is no longer waiting.',
    });
  });
});
