import { describe, expect, it } from 'vitest';
import { parseShownCount } from '@/hooks/use-shown-count';

describe('parseShownCount', () => {
  it.each([
    [null, 100],
    ['', 100],
    ['abc', 100],
    ['-300', 100],
    ['0', 100],
    ['99', 100],
    ['100', 100],
    ['300', 300],
    ['250', 300],
    ['1e400', 100],
    ['5000000', 100_000],
  ])('should read a stored %j as %i rows (pages of 100)', (stored, expected) => {
    expect(parseShownCount(stored, 100)).toBe(expected);
  });
});
