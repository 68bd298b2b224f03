import { isAscii, type QueryWord } from './tokenize';

// Finds query words in a stored text and cuts a snippet around them. Matching runs on the same normalisation
// as the index (NFKC, lower case), but highlight ranges point into the original text, so a character NFKC
// expands (`ﬁ` → `fi`) or a Hangul syllable typed as separate jamo still highlights as a whole.

/** A piece of stored text with the ranges to highlight, as UTF-16 offsets into `text`, sorted, not overlapping. */
export interface Snippet {
  text: string;
  highlights: [start: number, end: number][];
}

/** Characters of context kept before the first match, and the snippet's length in original characters. */
const BEFORE = 60;
const LENGTH = 200;
const ELLIPSIS = '…';

/**
 * `text` normalised for matching, with, for each normalised unit, the original range it came from (undefined
 * when normalising changed no offsets).
 */
interface Normalised {
  text: string;
  from: number[] | undefined;
  to: number[] | undefined;
}

/** A character with its combining marks, or a run of conjoining jamo that NFKC joins into one syllable. */
const SEGMENT =
  /[\u1100-\u115f\ua960-\ua97c]+[\u1160-\u11a7\ud7b0-\ud7c6]*[\u11a8-\u11ff\ud7cb-\ud7fb]*|\P{M}\p{M}*|\p{M}+/gsu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const EAST_ASIAN = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function normalise(text: string): Normalised {
  const lower = text.toLowerCase();
  // Most text (ASCII, Hangul syllables) is already NFKC and keeps its length in lower case: offsets map 1:1.
  if (lower.length === text.length && (isAscii(text) || text.normalize('NFKC') === text)) {
    return { text: lower, from: undefined, to: undefined };
  }
  let normalised = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const match of text.matchAll(SEGMENT)) {
    const piece = match[0].normalize('NFKC').toLowerCase();
    const start = match.index;
    for (let i = 0; i < piece.length; i += 1) {
      from.push(start);
      to.push(start + match[0].length);
    }
    normalised += piece;
  }
  return { text: normalised, from, to };
}

/**
 * Whether a Latin query word may start at `at` of the original text: where the index starts a word (after a
 * character that is not a letter or digit of the same kind, at an underscore, or at a camelCase boundary).
 */
function startsWord(original: string, at: number): boolean {
  if (at === 0) return true;
  const before = original[at - 1] ?? '';
  if (before === '_' || !WORD_CHAR.test(before) || EAST_ASIAN.test(before)) return true;
  const here = original[at] ?? '';
  if (!UPPER.test(here)) return false;
  return LOWER.test(before) || (UPPER.test(before) && LOWER.test(original[at + 1] ?? ''));
}

/** Every place `word` occurs in the text, as original ranges; Latin words only where a word starts. */
function occurrences(source: string, normalised: Normalised, word: QueryWord): [number, number][] {
  const found: [number, number][] = [];
  let at = normalised.text.indexOf(word.text);
  while (at !== -1) {
    const last = at + word.text.length - 1;
    const start = normalised.from === undefined ? at : (normalised.from[at] ?? 0);
    const end = normalised.to === undefined ? last + 1 : (normalised.to[last] ?? start);
    if (word.kind !== 'word' || startsWord(source, start)) found.push([start, end]);
    at = normalised.text.indexOf(word.text, at + 1);
  }
  return found;
}

/** What one text holds of a query: the ranges of each word found (empty when absent). */
export interface TextMatches {
  ranges: [number, number][][];
  /** How many query words occur at least once. */
  found: number;
}

/** Looks for every query word in `text`. */
export function matchText(text: string, words: QueryWord[]): TextMatches {
  const normalised = normalise(text);
  const ranges = words.map((word) => occurrences(text, normalised, word));
  return { ranges, found: ranges.filter((list) => list.length > 0).length };
}

/** Moves an offset off the second half of a surrogate pair, so a cut never splits an emoji or astral character. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * A window of `text` around the first match, with every match inside it highlighted. Offsets are UTF-16 code
 * units into `snippet.text`, which is plain text (the UI renders it as text, never as HTML). Line breaks become
 * spaces; an ellipsis marks a cut.
 */
export function makeSnippet(text: string, matches: TextMatches): Snippet {
  const all = matches.ranges.flat().sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  // Start at a space when one is close, so the snippet does not open mid-word.
  const space = text.indexOf(' ', start);
  if (start > 0 && space !== -1 && space < first && space - start < 20) start = space + 1;
  start = safeCut(text, start);
  const end = Math.min(text.length, safeCut(text, Math.max(start + LENGTH, Math.min(text.length, first + 40))));
  const lead = start > 0 ? ELLIPSIS : '';
  const body = text.slice(start, end).replace(/[\r\n\t]/g, ' ');
  const shift = lead.length - start;
  const highlights: [number, number][] = [];
  for (const [from, to] of all) {
    if (from >= end || to <= start) continue;
    const range: [number, number] = [Math.max(from, start) + shift, Math.min(to, end) + shift];
    const last = highlights[highlights.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else highlights.push(range);
  }
  return { text: lead + body + (end < text.length ? ELLIPSIS : ''), highlights };
}
