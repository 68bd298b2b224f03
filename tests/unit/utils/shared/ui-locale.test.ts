import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatNumber, getUiLocale } from '@/utils/shared/ui-locale';

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
