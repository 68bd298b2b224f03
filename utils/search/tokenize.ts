// Turns text into search terms, and a query into the terms a matching conversation must hold. Both sides run
// through the same normalisation (NFKC, lower case), so full-width letters, compatibility characters and case
// never decide a match.
//
// - Latin, digits and other alphabetic scripts: one term per word (`_` joins a word), plus its parts when it is
//   a code identifier (`getUserName` → `getusername`, `get`, `user`, `name`). A query word matches by prefix.
// - Hangul: the word itself and its character bigrams. Korean attaches particles to words (`도서관에서`) and
//   builds compounds (`해바라기밭`), so a query of two or more syllables matches when all its bigrams are
//   present (checked again against the text before a result is shown); a one-syllable query matches by prefix.
// - Han, Hiragana, Katakana: character bigrams (a lone character is its own term); these scripts have no spaces.

/** Terms are cut to this many UTF-16 units, so a base64 blob or a hash never makes a huge index key. */
export const MAX_TERM_LENGTH = 32;
/** A query is cut to this many characters, and to this many distinct words. */
export const MAX_QUERY_LENGTH = 256;
export const MAX_QUERY_WORDS = 12;
/** The prefix that marks a title term in the index (titles rank higher). */
export const TITLE_MARK = '\u0001';

/** Whether every character is ASCII (a fast path: no script splitting or NFKC offsets needed). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A run of letters, digits, marks and underscores: a word before splitting by script. */
const RUN = /[\p{L}\p{N}\p{M}_]+/gu;
/** Splits a non-ASCII run into Hangul, other CJK, and everything else. */
const SCRIPT_PIECE =
  /(\p{Script=Hangul}+)|([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)|((?:(?![\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}_])+)/gu;
/** Where an identifier splits: underscores, `aB` (camelCase) and `ABc` (an acronym before a word). */
const IDENTIFIER_SPLIT = /_+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
const NEEDS_SPLIT = /_|\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;

/** What kind of word a piece of text is, which decides how it is indexed and matched. */
export type WordKind = 'word' | 'hangul' | 'cjk';

/** Calls `visit` for each word of `text` (NFKC-normalised but not yet lower-cased), split by script. */
function eachWord(text: string, visit: (word: string, kind: WordKind) => void): void {
  for (const [run] of text.normalize('NFKC').matchAll(RUN)) {
    if (isAscii(run)) {
      visit(run, 'word');
      continue;
    }
    for (const [, hangul, cjk, other] of run.matchAll(SCRIPT_PIECE)) {
      if (hangul !== undefined) visit(hangul, 'hangul');
      else if (cjk !== undefined) visit(cjk, 'cjk');
      else if (other !== undefined) visit(other, 'word');
    }
  }
}

const cut = (term: string) => (term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term);

/** Adds each pair of neighbouring characters (code points, so astral Han stays whole) to `terms`. */
function addBigrams(word: string, terms: Set<string>, mark: string): void {
  const chars = Array.from(word);
  if (chars.length === 1) {
    terms.add(mark + word);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i += 1) terms.add(`${mark}${chars[i]}${chars[i + 1]}`);
}

/**
 * Adds the index terms of `text` to `terms` (a set, so repeats cost nothing); `mark` is prepended to each, which
 * is how title terms are kept apart (TITLE_MARK).
 */
export function addIndexTerms(text: string, terms: Set<string>, mark = ''): void {
  eachWord(text, (word, kind) => {
    if (kind === 'word') {
      terms.add(mark + cut(word.toLowerCase()));
      if (NEEDS_SPLIT.test(word)) {
        for (const part of word.split(IDENTIFIER_SPLIT)) if (part !== '') terms.add(mark + cut(part.toLowerCase()));
      }
      return;
    }
    const lower = word.toLowerCase();
    if (kind === 'hangul') terms.add(mark + cut(lower));
    addBigrams(lower, terms, mark);
  });
}

/** The index terms of one text, for tests and tools; indexing uses addIndexTerms to share one set. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  addIndexTerms(text, terms);
  return [...terms];
}

/** One index lookup: the exact term, or every term that starts with it. */
export interface TermLookup {
  term: string;
  prefix: boolean;
}

/** One word of a query. A conversation matches when every lookup of every word finds it. */
export interface QueryWord {
  /** The normalised word, as it is looked for in the text for snippets. */
  text: string;
  kind: WordKind;
  lookups: TermLookup[];
}

/**
 * The words of a search query with the index lookups each needs; empty when the query has no letters or
 * digits. Latin words of two or more characters match by prefix (a single letter only as a whole word: as a
 * prefix it would match most of the index). Long queries are cut to MAX_QUERY_LENGTH / MAX_QUERY_WORDS.
 */
export function parseQuery(query: string): QueryWord[] {
  const words = new Map<string, QueryWord>();
  eachWord(query.slice(0, MAX_QUERY_LENGTH), (word, kind) => {
    const text = word.toLowerCase();
    if (words.has(text) || words.size >= MAX_QUERY_WORDS) return;
    let lookups: TermLookup[];
    if (kind === 'word') {
      lookups = [{ term: cut(text), prefix: text.length > 1 }];
    } else {
      const chars = Array.from(text);
      if (chars.length === 1) lookups = [{ term: text, prefix: true }];
      else {
        const bigrams = new Set<string>();
        addBigrams(text, bigrams, '');
        lookups = [...bigrams].map((term) => ({ term, prefix: false }));
      }
    }
    words.set(text, { text, kind, lookups });
  });
  return [...words.values()];
}
