import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './extension';
import { conversationIdOf, loadOwnFixtures } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface Handoff {
  id: string;
  url?: string;
  downloadId?: number;
  madeBy: string;
}

/** The download hand-off rows, read from IndexedDB in an extension page (the worker object is stale once stopped). */
function readHandoffs(page: Page): Promise<Handoff[]> {
  return page.evaluate(
    () =>
      new Promise<Handoff[]>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('handoffs').objectStore('handoffs').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(
              (request.result as Handoff[]).map(({ id, url, downloadId, madeBy }) => ({ id, url, downloadId, madeBy })),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Whether a blob: URL still answers from a page of the extension's origin, as the offscreen document's URLs do. */
function urlAlive(page: Page, url: string): Promise<boolean> {
  return page.evaluate(
    (blobUrl) =>
      fetch(blobUrl).then(
        (response) => response.ok,
        () => false,
      ),
    url,
  );
}

/** Captures the second own fixture through the model chatgpt.com and opens the archive on it. */
async function archiveOneChat(current: ExtensionSession) {
  const backend = await installModelChatGpt(current.context, { includeSharedFixtures: false });
  const conversation = loadOwnFixtures()[1] as Record<string, unknown>;
  const id = conversationIdOf(conversation) as string;
  const title = String(conversation.title);
  // Bytes a parse-and-serialise round trip would change: odd spacing, "10" after "b", a big integer.
  backend.setServedBody(id, backend.servedBody(id).replace(/}$/, ' ,"b" : 1,"10":12345678901234567890}'));
  const chat = await current.openChatGpt(`https://chatgpt.com/c/${id}`);
  await expect.poll(() => chat.getByRole('status').filter({ hasText: title }).count()).toBe(1);
  const app = await current.openPage('app.html#archive');
  // Each row's button names its chat, so a screen reader can tell the rows' buttons apart.
  const button = app
    .getByRole('listitem')
    .filter({ hasText: title })
    .getByRole('button', { name: new RegExp(`^Download JSON\\W+${title}$`) });
  const fileName = `${title} (${id.slice(0, 8)})`;
  return { app, button, body: backend.servedBody(id), fileName };
}

/** How many toasts say the file was saved under exactly this name. */
function savedToasts(app: Page, name: string) {
  return app
    .getByRole('status')
    .filter({ hasText: `Saved “${name}”` })
    .count();
}

describe('downloading a conversation (Chrome offscreen path)', () => {
  it('should save the raw JSON as a file and name in its toast the file really saved, " (1)" included', async () => {
    session = await launchExtension({ realDownloads: true });
    const { app, button, body, fileName } = await archiveOneChat(session);
    const folder = join(session.downloadsDir as string, 'Lifeboat');

    await button.click();
    await expect.poll(() => savedToasts(app, `${fileName}.json`)).toBe(1);
    const first = join(folder, `${fileName}.json`);
    // Byte for byte what chatgpt.com sent, not an equal object.
    expect(readFileSync(first).equals(Buffer.from(body, 'utf8'))).toBe(true);

    // The same chat again: the browser keeps the first file and adds " (1)", and the toast says so.
    await button.click();
    await expect.poll(() => savedToasts(app, `${fileName} (1).json`)).toBe(1);
    expect(readFileSync(join(folder, `${fileName} (1).json`), 'utf8')).toBe(readFileSync(first, 'utf8'));

    // Both downloads are over, so nothing is left waiting and no URL is kept alive.
    await expect.poll(() => readHandoffs(app)).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('should finish the file and clean up when the service worker is stopped mid-download', async () => {
    session = await launchExtension({ realDownloads: true });
    const { app, button, body } = await archiveOneChat(session);

    // Hold the download in progress: while an extension listener has not chosen the file name, Chromium waits.
    await app.evaluate(() => {
      const held = window as unknown as { releaseDownload?: () => void };
      chrome.downloads.onDeterminingFilename.addListener((_item, suggest) => {
        held.releaseDownload = () => suggest();
        return true;
      });
    });
    await button.click();
    await expect.poll(async () => (await readHandoffs(app))[0]?.downloadId).toBeDefined();
    const [handoff] = await readHandoffs(app);
    const url = handoff?.url as string;
    expect(handoff?.madeBy).toBe('offscreen');
    expect(await urlAlive(app, url)).toBe(true);
    const state = () =>
      app.evaluate(async (id) => (await chrome.downloads.search({ id }))[0]?.state, handoff?.downloadId as number);
    expect(await state()).toBe('in_progress');

    // Stop the worker, as Chrome does to an idle one.
    const cdp = await session.context.newCDPSession(app);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) statuses.push(version.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1)).toBe('stopped');

    // The download goes on without a worker; its end wakes the worker, whose top-level listener cleans up.
    await app.evaluate(() => (window as unknown as { releaseDownload: () => void }).releaseDownload());
    await expect.poll(state).toBe('complete');
    await expect.poll(() => readHandoffs(app), { timeout: 10_000 }).toEqual([]);
    expect(statuses.at(-1)).toBe('running');
    expect(await urlAlive(app, url)).toBe(false);
    // Chromium logs the refused fetch of the revoked URL as a console error of the page; that one is ours.
    await expect.poll(() => session?.errors.filter((e) => e.endsWith('net::ERR_FILE_NOT_FOUND')).length).toBe(1);
    session.errors.splice(
      session.errors.findIndex((e) => e.endsWith('net::ERR_FILE_NOT_FOUND')),
      1,
    );

    // The file is whole, and the page that asked for it names it. (Here the test's listener chose the name, so
    // it is whatever Chromium suggested; the test above checks the names a user gets.)
    const path = await app.evaluate(
      async (id) => (await chrome.downloads.search({ id }))[0]?.filename as string,
      handoff?.downloadId as number,
    );
    expect(path.startsWith(session.downloadsDir as string)).toBe(true);
    expect(readFileSync(path).equals(Buffer.from(body, 'utf8'))).toBe(true);
    await expect.poll(() => savedToasts(app, basename(path))).toBe(1);

    // A message from a page wakes the worker again (and runs its start-up sweep): still nothing left behind.
    const reply = await app.evaluate(() =>
      chrome.runtime.sendMessage({
        lifeboat: 1,
        target: 'background',
        type: 'downloadConversation',
        data: { id: '?' },
      }),
    );
    expect(reply).toMatchObject({ ok: false, code: 'not-found' });
    expect(await readHandoffs(app)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
