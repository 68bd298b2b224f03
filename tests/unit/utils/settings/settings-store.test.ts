import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, parseStoredSettings } from '@/utils/settings/model';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings/settings-store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('should start from the defaults on a fresh install', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('should save a change and tell watchers', async () => {
    const seen: unknown[] = [];
    watchSettings((settings) => seen.push(settings));
    await updateSettings({ showCaptureNotice: false });
    expect(await loadSettings()).toEqual({ captureEnabled: true, showCaptureNotice: false });
    expect(seen).toEqual([{ captureEnabled: true, showCaptureNotice: false }]);
  });

  it('should refuse an invalid change and keep what was stored', async () => {
    await updateSettings({ captureEnabled: false });
    await expect(updateSettings({ captureEnabled: 'yes' as never })).rejects.toThrow();
    expect((await loadSettings()).captureEnabled).toBe(false);
  });

  it('should fall back field by field when the stored value is broken', async () => {
    await fakeBrowser.storage.local.set({ settings: { captureEnabled: 'maybe', showCaptureNotice: false, extra: 1 } });
    expect(await loadSettings()).toEqual({ captureEnabled: true, showCaptureNotice: false });
  });

  it.each([null, 'text', 42, []])('should read %j as the defaults', (stored) => {
    expect(parseStoredSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });
});
