import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appPageUrl, conversationAppHash, openAppPage } from '@/utils/shared/open-app-page';

beforeEach(() => {
  fakeBrowser.reset();
});

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
});

describe('openAppPage', () => {
  it('should open the app page in a new tab', async () => {
    await openAppPage(conversationAppHash('abc'));
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(appPageUrl('archive/abc'));
  });
});
