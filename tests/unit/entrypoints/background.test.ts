import { resolveObjectURL } from 'node:buffer';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { db } from '@/utils/db/db';
import { installFakeDownloads } from '../../fake-downloads';
import { installFakePorts } from '../../fake-ports';

// The background as the browser starts it: `main` on a worker that a download event may have just woken.

beforeEach(async () => {
  fakeBrowser.reset();
  installFakePorts();
  await db.handoffs.clear();
});

describe('background main', () => {
  it('should register the downloads.onChanged listener at start, so a download ending later is cleaned up', async () => {
    const downloads = installFakeDownloads();
    // A hand-off the previous worker left: its download was still running when that worker was stopped.
    const url = URL.createObjectURL(new Blob(['x']));
    downloads.add({ id: 9, state: 'in_progress' });
    await db.handoffs.put({ id: 'left', madeBy: 'background', url, createdAt: Date.now(), downloadId: 9 });

    background.main();
    expect(downloads.onChanged.count()).toBe(1);
    downloads.end(9, { state: 'complete' });
    await expect.poll(() => db.handoffs.count()).toBe(0);
    expect(resolveObjectURL(url)).toBeUndefined();
  });

  it('should sweep hand-offs of downloads that ended while no worker ran', async () => {
    const downloads = installFakeDownloads();
    downloads.add({ id: 3, state: 'complete' });
    await db.handoffs.put({ id: 'done', madeBy: 'background', createdAt: Date.now(), downloadId: 3 });
    background.main();
    await expect.poll(() => db.handoffs.count()).toBe(0);
  });
});
