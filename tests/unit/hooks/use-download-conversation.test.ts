import { describe, expect, it } from 'vitest';
import { createInFlight } from '@/hooks/use-download-conversation';

describe('createInFlight', () => {
  it('should refuse a second claim of the same key until the first is released', () => {
    const inFlight = createInFlight();
    expect(inFlight.claim('a')).toBe(true);
    // A double click: the second click arrives before React re-renders, so only this synchronous check stops it.
    expect(inFlight.claim('a')).toBe(false);
    expect(inFlight.claim('b')).toBe(true);
    inFlight.release('a');
    expect(inFlight.claim('a')).toBe(true);
  });
});
