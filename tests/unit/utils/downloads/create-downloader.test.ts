import { resolveObjectURL } from 'node:buffer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDownloader } from '@/utils/downloads/create-downloader';
import type { Downloader } from '@/utils/downloads/model';
import { createOffscreenHandlers } from '@/utils/downloads/offscreen-handlers';
import { registerHandlers } from '@/utils/messaging/protocol';
import { createLogger } from '@/utils/shared/logger';
import { FIXED_NOW, freshArchiveDbPerTest } from '../../../factories';
import { type FakeDownloads, installFakeDownloads } from '../../../fake-downloads';

const archive = freshArchiveDbPerTest('downloader');
const warnings: string[] = [];
const logger = createLogger('background', { debug() {}, info() {}, warn: (line) => warnings.push(line), error() {} });
let downloads: FakeDownloads;

beforeEach(() => {
  fakeBrowser.reset();
  downloads = installFakeDownloads();
  warnings.length = 0;
});

/** Whether a blob: URL still resolves (Node keeps blob: URLs process-wide, like one browser document). */
const isAlive = (url: string | undefined) => url !== undefined && resolveObjectURL(url) !== undefined;

interface Worker {
  downloader: Downloader;
  /** Stops the worker: its listener goes, as every listener of a stopped service worker does. */
  stop(): void;
}

/** Starts a background the way `entrypoints/background.ts` does: the listener at the top level, then the sweep. */
async function startWorker(canMakeUrls: boolean): Promise<Worker> {
  const downloader = createDownloader({ db: archive(), logger, now: () => FIXED_NOW, canMakeUrls });
  const listener = (delta: Parameters<Downloader['onChanged']>[0]) => void downloader.onChanged(delta);
  fakeBrowser.downloads.onChanged.addListener(listener);
  await downloader.sweep();
  return { downloader, stop: () => fakeBrowser.downloads.onChanged.removeListener(listener) };
}

/**
 * Chrome's offscreen document: `createDocument` registers the real offscreen handlers, and runtime messages reach
 * them with an extension sender. `close()` removes the document, and with it every URL it made.
 */
function installOffscreen() {
  let open = false;
  let created = 0;
  let unregister = () => {};
  Object.assign(fakeBrowser.runtime, {
    ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
    getContexts: async () => (open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
  });
  Object.assign(fakeBrowser, {
    offscreen: {
      Reason: { BLOBS: 'BLOBS' },
      async createDocument() {
        created++;
        open = true;
        unregister = registerHandlers('offscreen', createOffscreenHandlers({ db: archive() }));
      },
    },
  });
  const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const sender = { url: fakeBrowser.runtime.getURL('/background.js') };
    return (await fakeBrowser.runtime.onMessage.trigger(message, sender)).find((reply) => reply !== undefined);
  });
  return {
    created: () => created,
    revokes: () => send.mock.calls.filter(([message]) => (message as { type: string }).type === 'revokeDownloadUrl'),
    close() {
      open = false;
      unregister();
    },
  };
}

describe('createDownloader', () => {
  describe('where the background makes blob: URLs itself (Firefox)', () => {
    it('should answer once the download has started, with the file readable at its URL until it completes', async () => {
      const worker = await startWorker(true);
      const id = await worker.downloader.download(new Blob(['{"a":1}']), 'Lifeboat/a.json');
      expect(downloads.requests).toEqual([
        expect.objectContaining({ filename: 'Lifeboat/a.json', saveAs: false, conflictAction: 'uniquify' }),
      ]);
      const [handoff] = await archive().handoffs.toArray();
      expect(handoff).toMatchObject({ madeBy: 'background', downloadId: id, createdAt: FIXED_NOW });
      expect(handoff?.blob).toBeUndefined();
      expect(await resolveObjectURL(handoff?.url ?? '')?.text()).toBe('{"a":1}');

      downloads.end(id, { state: 'complete' });
      await expect.poll(() => archive().handoffs.count()).toBe(0);
      expect(isAlive(handoff?.url)).toBe(false);
    });

    it.each([
      ['complete', { state: 'complete' }],
      ['interrupted', { state: 'interrupted', error: 'USER_CANCELED' }],
    ] as const)('should clean up in a restarted worker when the download ends %s', async (_, ending) => {
      const first = await startWorker(true);
      const id = await first.downloader.download(new Blob(['x']), 'a.json');
      const url = (await archive().handoffs.toArray())[0]?.url;
      first.stop();

      await startWorker(true);
      expect(await archive().handoffs.count()).toBe(1);
      downloads.end(id, ending);
      await expect.poll(() => archive().handoffs.count()).toBe(0);
      expect(isAlive(url)).toBe(false);
      expect(warnings).toEqual([]);
    });

    it('should clean up a download that ends before its id is recorded', async () => {
      const worker = await startWorker(true);
      const start = fakeBrowser.downloads.download;
      fakeBrowser.downloads.download = async (options) => {
        const id = await start(options);
        downloads.end(id, { state: 'complete' });
        return id;
      };
      await worker.downloader.download(new Blob(['x']), 'a.json');
      await expect.poll(() => archive().handoffs.count()).toBe(0);
    });

    it('should clean up and rethrow when the browser refuses the download', async () => {
      const worker = await startWorker(true);
      fakeBrowser.downloads.download = async () => {
        throw new Error('Invalid filename');
      };
      await expect(worker.downloader.download(new Blob(['x']), '../a.json')).rejects.toThrow('Invalid filename');
      expect(await archive().handoffs.count()).toBe(0);
    });
  });

  describe('where the offscreen document makes blob: URLs (Chrome)', () => {
    it('should revoke the URL in the offscreen document when a restarted worker hears the download end', async () => {
      const offscreen = installOffscreen();
      const first = await startWorker(false);
      const id = await first.downloader.download(new Blob(['{"a":1}']), 'a.json');
      const [handoff] = await archive().handoffs.toArray();
      expect(handoff).toMatchObject({ madeBy: 'offscreen', downloadId: id });
      expect(await handoff?.blob?.text()).toBe('{"a":1}');
      expect(isAlive(handoff?.url)).toBe(true);
      first.stop();

      // The offscreen document outlives the stopped worker and still holds the URL.
      await startWorker(false);
      downloads.end(id, { state: 'complete' });
      await expect.poll(() => archive().handoffs.count()).toBe(0);
      expect(isAlive(handoff?.url)).toBe(false);
      expect(offscreen.created()).toBe(1);
    });

    it('should not create an offscreen document only to revoke a URL that died with the old one', async () => {
      const offscreen = installOffscreen();
      const first = await startWorker(false);
      const id = await first.downloader.download(new Blob(['x']), 'a.json');
      first.stop();
      offscreen.close();

      await startWorker(false);
      downloads.end(id, { state: 'interrupted', error: 'USER_SHUTDOWN' });
      await expect.poll(() => archive().handoffs.count()).toBe(0);
      expect(offscreen.created()).toBe(1);
      expect(offscreen.revokes()).toEqual([]);
    });
  });

  describe('start-up sweep', () => {
    it('should clean up what a stopped worker left, as downloads.search tells, and keep what is still running', async () => {
      installOffscreen();
      const minute = 60 * 1000;
      const made = (text: string) => URL.createObjectURL(new Blob([text]));
      const rows = {
        complete: { madeBy: 'background', url: made('1'), createdAt: FIXED_NOW - 2 * minute, downloadId: 1 },
        running: { madeBy: 'background', url: made('2'), createdAt: FIXED_NOW - 60 * minute, downloadId: 2 },
        missing: { madeBy: 'background', url: made('3'), createdAt: FIXED_NOW, downloadId: 3 },
        interrupted: { madeBy: 'background', url: made('4'), createdAt: FIXED_NOW, downloadId: 4 },
        neverStarted: { madeBy: 'background', url: made('5'), createdAt: FIXED_NOW - 10 * minute },
        starting: { madeBy: 'background', url: made('6'), createdAt: FIXED_NOW - minute },
        oldBlobOnly: { madeBy: 'offscreen', blob: new Blob(['7']), createdAt: FIXED_NOW - 10 * minute },
      } as const;
      await archive().handoffs.bulkPut(Object.entries(rows).map(([id, row]) => ({ id, ...row })));
      downloads.add({ id: 1, state: 'complete' });
      downloads.add({ id: 2, state: 'in_progress' });
      downloads.add({ id: 4, state: 'interrupted', error: 'NETWORK_FAILED' });

      await startWorker(true);
      const left = async () => (await archive().handoffs.toArray()).map((row) => row.id).sort();
      expect(await left()).toEqual(['running', 'starting']);
      for (const key of ['complete', 'missing', 'interrupted', 'neverStarted'] as const) {
        expect(isAlive(rows[key].url), key).toBe(false);
      }
      expect(isAlive(rows.running.url)).toBe(true);

      // The one still running is the top-level listener's to finish.
      downloads.end(2, { state: 'complete' });
      await expect.poll(left).toEqual(['starting']);
      expect(isAlive(rows.running.url)).toBe(false);
    });
  });
});
