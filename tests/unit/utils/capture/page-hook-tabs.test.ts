import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { createPageHookTabs } from '@/utils/capture/page-hook-tabs';
import { sendMessage } from '@/utils/messaging/protocol';
import { installFakeDownloads } from '../../../fake-downloads';
import { installFakePorts } from '../../../fake-ports';

beforeEach(() => {
  fakeBrowser.reset();
  installFakePorts();
  // The real background main registers its downloads listener too; fakeBrowser has no downloads API.
  installFakeDownloads();
});

const tabs = createPageHookTabs({ now: () => 1_000 });

/** Routes sendMessage to the background's handlers as if a chatgpt.com frame in `tabId` sent it. */
function sendFromTab(tabId: number | undefined, url = 'https://chatgpt.com/c/1') {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    // Only the fields Lifeboat reads: the frame's URL and the tab's id.
    const tab = tabId === undefined ? undefined : ({ id: tabId, url } as Browser.tabs.Tab);
    const replies = await fakeBrowser.runtime.onMessage.trigger(message, { url, id: fakeBrowser.runtime.id, tab });
    return replies.find((reply: unknown) => reply !== undefined);
  });
}

describe('the page hook per tab, in the background', () => {
  it('should store each tab’s report under the tab the browser names, not one the payload names', async () => {
    background.main();
    sendFromTab(7);
    const report = { hook: 'connected', hookVersion: 1, messages: 1, tabId: 9 } as const;
    await expect(sendMessage('reportPageHook', report)).resolves.toEqual({ stored: true });
    sendFromTab(8);
    await sendMessage('reportPageHook', { hook: 'missing' });

    expect(await tabs.get(7)).toMatchObject({ hook: 'connected', hookVersion: 1, messages: 1 });
    expect(await tabs.get(7)).not.toHaveProperty('tabId');
    expect(await tabs.get(8)).toMatchObject({ hook: 'missing' });
    expect(await tabs.get(9)).toBeNull();
  });

  it('should forget a tab when it closes', async () => {
    background.main();
    sendFromTab(7);
    await sendMessage('reportPageHook', { hook: 'connected', hookVersion: 1, messages: 1 });
    sendFromTab(8);
    await sendMessage('reportPageHook', { hook: 'connected', hookVersion: 1, messages: 1 });
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await tabs.get(7)).toBeNull());
    expect(await tabs.get(8)).not.toBeNull();
  });

  it('should store nothing for a sender without a tab', async () => {
    await expect(
      tabs.report({ hook: 'missing' }, { url: 'chrome-extension://lifeboat/app.html', tab: undefined }),
    ).resolves.toEqual({ stored: false });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('should refuse a report that is not one, and one from a page that is not ChatGPT', async () => {
    background.main();
    sendFromTab(7);
    await expect(sendMessage('reportPageHook', { hook: 'hijacked' } as never)).rejects.toThrow(/Refused/);
    sendFromTab(7, 'https://evil.example/');
    await expect(sendMessage('reportPageHook', { hook: 'missing' })).rejects.toThrow(/Refused/);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
