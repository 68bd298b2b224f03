import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { waitForDownload } from '@/utils/downloads/wait-for-download';
import { type FakeDownloads, installFakeDownloads } from '../../../fake-downloads';

let downloads: FakeDownloads;
beforeEach(() => {
  fakeBrowser.reset();
  downloads = installFakeDownloads();
});

/** Fails the test instead of hanging it when the wait never ends (a missed event). */
function within<T>(promise: Promise<T>, ms = 1000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)),
  ]);
}

const SAVED = '/home/me/Downloads/Lifeboat/Plan (abc) (1).json';

describe('waitForDownload', () => {
  it('should resolve with the final path once the download completes', async () => {
    downloads.add({ id: 1 });
    const waiting = waitForDownload(1);
    downloads.end(1, { state: 'complete', filename: SAVED });
    await expect(within(waiting)).resolves.toEqual({ state: 'complete', path: SAVED });
    expect(downloads.onChanged.count()).toBe(0);
    expect(downloads.onErased.count()).toBe(0);
  });

  it('should resolve at once for a download that has already completed', async () => {
    downloads.add({ id: 1, state: 'complete', filename: SAVED });
    await expect(within(waitForDownload(1))).resolves.toEqual({ state: 'complete', path: SAVED });
  });

  it('should not miss a completion that comes between subscribing and the look-up', async () => {
    downloads.add({ id: 1 });
    // The look-up sees the download still running; it completes before that answer arrives.
    downloads.beforeSearchAnswers = () => {
      downloads.beforeSearchAnswers = undefined;
      downloads.end(1, { state: 'complete', filename: SAVED });
    };
    await expect(within(waitForDownload(1))).resolves.toEqual({ state: 'complete', path: SAVED });
  });

  it('should report why an interrupted download stopped', async () => {
    downloads.add({ id: 1 });
    const waiting = waitForDownload(1);
    downloads.end(1, { state: 'interrupted', error: 'USER_CANCELED' });
    await expect(within(waiting)).resolves.toEqual({ state: 'interrupted', reason: 'USER_CANCELED' });
  });

  it('should ignore other downloads', async () => {
    downloads.add({ id: 1 });
    downloads.add({ id: 2 });
    const waiting = waitForDownload(1);
    downloads.end(2, { state: 'complete', filename: '/elsewhere.json' });
    downloads.end(1, { state: 'complete', filename: SAVED });
    await expect(within(waiting)).resolves.toEqual({ state: 'complete', path: SAVED });
  });

  it('should fail with not-found when the browser no longer lists the download', async () => {
    await expect(within(waitForDownload(5))).rejects.toMatchObject({ code: 'not-found' });
    downloads.add({ id: 6 });
    const erased = waitForDownload(6);
    downloads.onErased.fire(6);
    await expect(within(erased)).rejects.toMatchObject({ code: 'not-found' });
  });
});
