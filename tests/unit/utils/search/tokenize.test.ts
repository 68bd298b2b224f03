import { describe, expect, it } from 'vitest';
import { indexTerms, MAX_QUERY_WORDS, MAX_TERM_LENGTH, parseQuery } from '@/utils/search/tokenize';

describe('indexTerms', () => {
  it('should lower-case English words and normalise full-width and compatibility characters (NFKC)', () => {
    expect(indexTerms('Running ＲＵＮＳ ﬁle')).toEqual(['running', 'runs', 'file']);
  });

  it('should index a Hangul word whole and as character bigrams', () => {
    expect(indexTerms('도서관에서')).toEqual(['도서관에서', '도서', '서관', '관에', '에서']);
  });

  it('should index a one-syllable Hangul word as itself', () => {
    expect(indexTerms('꽃 핀다')).toEqual(['꽃', '핀다']);
  });

  it('should split mixed Korean and Latin words by script', () => {
    expect(indexTerms('React를 GPT-5로')).toEqual(['react', '를', 'gpt', '5', '로']);
  });

  it('should index Han, Hiragana and Katakana as bigrams, astral characters whole', () => {
    expect(indexTerms('图书馆 カタカナ 𠀀𠀁')).toEqual(['图书', '书馆', 'カタ', 'タカ', 'カナ', '𠀀𠀁']);
  });

  it('should keep numbers and code identifiers whole and add their parts', () => {
    expect(indexTerms('getUserName snake_case HTMLParser 2025')).toEqual([
      'getusername',
      'get',
      'user',
      'name',
      'snake_case',
      'snake',
      'case',
      'htmlparser',
      'html',
      'parser',
      '2025',
    ]);
  });

  it('should cut very long terms', () => {
    const [term] = indexTerms('a'.repeat(500));
    expect(term).toHaveLength(MAX_TERM_LENGTH);
  });

  it('should find no terms in punctuation, HTML tags keep only their words', () => {
    expect(indexTerms('  ... !!! ')).toEqual([]);
    expect(indexTerms('<img src=x onerror=alert(1)>')).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
  });
});

describe('parseQuery', () => {
  it('should look up Latin words of two or more letters by prefix, single letters exactly', () => {
    expect(parseQuery('Run x').map((word) => word.lookups)).toEqual([
      [{ term: 'run', prefix: true }],
      [{ term: 'x', prefix: false }],
    ]);
  });

  it('should look up a Hangul word by its bigrams, a single syllable by prefix', () => {
    expect(parseQuery('해바라기 꽃')).toEqual([
      {
        text: '해바라기',
        kind: 'hangul',
        lookups: [
          { term: '해바', prefix: false },
          { term: '바라', prefix: false },
          { term: '라기', prefix: false },
        ],
      },
      { text: '꽃', kind: 'hangul', lookups: [{ term: '꽃', prefix: true }] },
    ]);
  });

  it('should find nothing to look up in an empty or whitespace query', () => {
    expect(parseQuery('')).toEqual([]);
    expect(parseQuery(' \t\n　')).toEqual([]);
  });

  it('should drop repeated words and cut a very long query', () => {
    expect(parseQuery('run RUN run')).toHaveLength(1);
    const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    expect(parseQuery(long)).toHaveLength(MAX_QUERY_WORDS);
    expect(parseQuery('x'.repeat(100_000))[0]?.lookups[0]?.term).toHaveLength(MAX_TERM_LENGTH);
  });
});
