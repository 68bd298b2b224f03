import { describe, expect, it } from 'vitest';
import { toEpochMs } from '@/utils/shared/time';

describe('toEpochMs', () => {
  it.each([
    ['epoch seconds with a fraction', 1749968327.886819, 1749968327887],
    ['epoch milliseconds', 1749968327887, 1749968327887],
    [
      'an ISO string from the conversation list',
      '2023-12-15T12:03:30.596706+00:00',
      Date.UTC(2023, 11, 15, 12, 3, 30, 596),
    ],
    ['seconds written as a string', '1678015311.655875', 1678015311656],
  ])('should read %s', (_label, input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });

  it.each([null, undefined, '', 'not a date', Number.NaN, {}])('should give undefined for %s', (input) => {
    expect(toEpochMs(input)).toBeUndefined();
  });
});
