import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appPagePattern, appPageUrl, conversationAppHash, openAppPage } from '@/utils/shared/open-app-page';

beforeEach(() => {
  fakeBrowser.reset();
});

/** The fake browser matches `url` exactly; a real one reads it as a match pattern, where `*` is a wildcard. */
function matchUrlsAsPatterns() {
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  return vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url, ...rest }) => {
    const tabs = await query(rest);
    if (typeof url !== 'string') return tabs;
    const prefix = url.replace(/\*$/, '');
    return tabs.filter((tab) => tab.url?.startsWith(prefix));
  });
}

describe('conversationAppHash', () => {
  it('should escape the id so it stays one hash segment', () => {
    expect(conversationAppHash('abc-123')).toBe('archive/abc-123');
    expect(conversationAppHash('a/b#c')).toBe('archive/a%2Fb%23c');
  });
});

describe('appPageUrl', () => {
  it("should point at the extension's app page with the hash", () => {
    expect(appPageUrl('settings')).toBe(`chrome-extension://${fakeBrowser.runtime.id}/app.html#settings`);
  });

  it('should match every hash of the app page, and only the app page', () => {
    expect(appPagePattern()).toBe(`chrome-extension://${fakeBrowser.runtime.id}/app.html*`);
  });
});

describe('openAppPage', () => {
  it('should open the app page in a new tab when none is open', async () => {
    matchUrlsAsPatterns();
    await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' });
    await openAppPage(conversationAppHash('abc'));
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(appPageUrl('archive/abc'));
  });

  it("should find the app tab through the extension's own contexts where tabs.query by URL finds none", async () => {
    // Chrome without the `tabs` permission: tabs.query by an extension URL matches nothing.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    const app = await fakeBrowser.tabs.create({ url: appPageUrl('archive') });
    const runtime = fakeBrowser.runtime as unknown as { getContexts: unknown };
    runtime.getContexts = vi.fn(async () => [
      { tabId: -1, windowId: -1, documentUrl: appPageUrl('archive').replace('app.html#archive', 'background.js') },
      { tabId: 99, windowId: 5, documentUrl: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` },
      { tabId: app.id, windowId: app.windowId, documentUrl: appPageUrl('archive') },
    ]);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    try {
      await openAppPage('settings');
      expect(update).toHaveBeenCalledWith(app.id, { active: true, url: appPageUrl('settings') });
    } finally {
      delete (fakeBrowser.runtime as unknown as { getContexts?: unknown }).getContexts;
    }
  });

  it('should bring an open app tab to the front at the new place instead of opening another', async () => {
    const query = matchUrlsAsPatterns();
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const focus = vi.spyOn(fakeBrowser.windows, 'update');
    const app = await fakeBrowser.tabs.create({ url: appPageUrl('archive') });
    const before = (await fakeBrowser.tabs.query({})).length;

    await openAppPage('settings');

    expect(query).toHaveBeenCalledWith({ url: appPagePattern() });
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
    expect(update).toHaveBeenCalledWith(app.id, { active: true, url: appPageUrl('settings') });
    expect((await fakeBrowser.tabs.get(app.id as number))?.url).toBe(appPageUrl('settings'));
    expect(focus).toHaveBeenCalledWith(app.windowId, { focused: true });
  });

  it('should fall back to a new tab when the browser refuses to query tabs', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValueOnce(new Error('Missing permission'));
    await openAppPage('archive');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(appPageUrl('archive'));
  });

  it('should open a new tab when the app tab closes between finding it and showing it', async () => {
    matchUrlsAsPatterns();
    const app = await fakeBrowser.tabs.create({ url: appPageUrl('archive') });
    vi.spyOn(fakeBrowser.tabs, 'update').mockRejectedValueOnce(new Error(`No tab with id: ${app.id}.`));
    await openAppPage('settings');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(appPageUrl('settings'));
  });
});
