import { browser } from '#imports';

/** The browser's UI language (e.g. "ko", "en-US"): the language of the messages, used for dates and numbers too. */
export function getUiLocale(): string {
  return browser.i18n.getUILanguage();
}

/** A number in the UI language: "1,234" in English, "1.234" in German. */
export function formatNumber(value: number, locale: string = getUiLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "12.3 MB" or "1.5 GB" (units of 10^6 and 10^9 bytes, as disks are sold), in the UI language. */
export function formatBytes(bytes: number, locale: string = getUiLocale()): string {
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'gigabyte'] : [bytes / 1e6, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
