import { join } from 'node:path';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

// Every language must have every message: a key missing in one file shows an empty string in that language.
// The files are read with the same parser the build uses, so plurals and nesting count as they do there.

const LOCALES = join(import.meta.dirname, '..', '..', 'locales');
const LANGUAGES = ['en', 'ko'] as const;

/** Each message as `key → kind and number of $n substitutions`, which must match across languages. */
async function shapes(language: string): Promise<Map<string, string>> {
  const messages: ParsedMessage[] = await parseMessagesFile(join(LOCALES, `${language}.yml`));
  return new Map(messages.map((message) => [message.key.join('.'), `${message.type}, ${message.substitutions} $n`]));
}

describe('locales', () => {
  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    'should give %s exactly the messages of en, with the same plurals and substitutions',
    async (language) => {
      const [en, other] = await Promise.all([shapes('en'), shapes(language)]);
      const missing = [...en.keys()].filter((key) => !other.has(key));
      const extra = [...other.keys()].filter((key) => !en.has(key));
      expect(missing, `missing in ${language}.yml`).toEqual([]);
      expect(extra, `in ${language}.yml but not in en.yml`).toEqual([]);
      expect(Object.fromEntries(other)).toEqual(Object.fromEntries(en));
    },
  );

  it.each(LANGUAGES)('should give every message in %s some text', async (language) => {
    const messages = await parseMessagesFile(join(LOCALES, `${language}.yml`));
    const empty = messages.filter((message) =>
      message.type === 'plural'
        ? Object.values(message.plurals).some((text) => text.trim() === '')
        : message.type === 'simple' && message.message.trim() === '',
    );
    expect(empty.map((message) => message.key.join('.'))).toEqual([]);
  });
});
