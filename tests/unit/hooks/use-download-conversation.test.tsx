import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ToastProvider } from '@/components/toast';
import { useDownloadConversation } from '@/hooks/use-download-conversation';
import { type FakeDownloads, installFakeDownloads } from '../../fake-downloads';

let downloads: FakeDownloads;

beforeEach(() => {
  fakeBrowser.reset();
  downloads = installFakeDownloads();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => name);
});

/** Hands the hook's `download` to the test. */
function DownloadProbe({ onRender }: { onRender: (download: (id: string) => Promise<void>) => void }) {
  onRender(useDownloadConversation().download);
  return null;
}

/**
 * The hook's `download`, taken from one server render: there is no DOM in unit tests, but the render runs the
 * hook, and its refs and callbacks work afterwards (state updates after a server render do nothing).
 */
function renderDownload(): (id: string) => Promise<void> {
  let download: ((id: string) => Promise<void>) | undefined;
  renderToStaticMarkup(
    <ToastProvider regionLabel="Notifications" dismissLabel="Dismiss">
      <DownloadProbe
        onRender={(rendered) => {
          download = rendered;
        }}
      />
    </ToastProvider>,
  );
  if (download === undefined) throw new Error('the hook did not render');
  return download;
}

/**
 * Answers every downloadConversation message once `finish` is called, with a download that has already completed;
 * `ids` lists the requests the background saw.
 */
function holdDownloads(): { ids: string[]; finish: () => void } {
  const ids: string[] = [];
  let finish = () => {};
  const answered = new Promise<void>((resolve) => {
    finish = resolve;
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message) => {
    const { id } = (message as { data: { id: string } }).data;
    ids.push(id);
    await answered;
    const filename = `Lifeboat/${id}.json`;
    const item = downloads.add({ id: downloads.items.size + 1, state: 'complete', filename: `/dl/${filename}` });
    return { ok: true, data: { downloadId: item.id, filename } };
  });
  return { ids, finish };
}

describe('useDownloadConversation', () => {
  it('should send one request for a double click, and a new one once the first download has finished', async () => {
    const background = holdDownloads();
    const download = renderDownload();
    // A double click: both calls arrive before React could re-render the busy button.
    const first = download('a');
    const second = download('a');
    const other = download('b');
    expect(background.ids).toEqual(['a', 'b']);
    background.finish();
    await Promise.all([first, second, other]);

    await download('a');
    expect(background.ids).toEqual(['a', 'b', 'a']);
  });

  it('should stay busy until the browser has finished writing the file', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: true,
      data: { downloadId: 4, filename: 'Lifeboat/a.json' },
    });
    downloads.add({ id: 4, state: 'in_progress' });
    const download = renderDownload();
    let done = false;
    const first = download('a').then(() => {
      done = true;
    });
    await expect.poll(() => downloads.onChanged.count()).toBe(1);
    await download('a');
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect(done).toBe(false);
    downloads.end(4, { state: 'complete', filename: '/dl/Lifeboat/a (1).json' });
    await first;
  });

  it('should let the same chat be downloaded again after a failed attempt', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'disk full' });
    const download = renderDownload();
    await download('a');
    await download('a');
    expect(send).toHaveBeenCalledTimes(2);
  });
});
