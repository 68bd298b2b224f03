import { browser } from '#imports';

/** The browser's UI language (e.g. "ko", "en-US"): the language of the messages, used for dates and numbers too. */
export function getUiLocale(): string {
  return browser.i18n.getUILanguage();
}

/** A number in the UI language: "1,234" in English, "1.234" in German. */
export function formatNumber(value: number, locale: string = getUiLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}
