import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatBytes, formatNumber, getUiLocale } from '@/utils/shared/ui-locale';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('getUiLocale', () => {
  it("should be the browser's UI language", () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ko');
    expect(getUiLocale()).toBe('ko');
  });
});

describe('formatNumber', () => {
  it.each([
    ['en-US', 1234567, '1,234,567'],
    ['de', 1234567, '1.234.567'],
    ['ko', 42, '42'],
  ])('should group digits the %s way', (locale, value, expected) => {
    expect(formatNumber(value, locale)).toBe(expected);
  });

  it('should use the UI language when no locale is given', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de');
    expect(formatNumber(1000)).toBe('1.000');
  });
});

describe('formatBytes', () => {
  it('should say megabytes below a gigabyte and gigabytes above, in the UI language', () => {
    expect(formatBytes(12_345_678, 'en')).toBe('12.3 MB');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5 GB');
    expect(formatBytes(0, 'en')).toBe('0 MB');
    expect(formatBytes(1_500_000_000, 'ko')).toMatch(/^1\.5\s?GB$/);
  });
});
