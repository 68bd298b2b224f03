import { describe, expect, it } from 'vitest';
import { toLoadable } from '@/hooks/use-conversations';

describe('toLoadable', () => {
  it('should be loading while the live query has not answered', () => {
    expect(toLoadable(undefined)).toEqual({ loading: true });
  });

  it('should tell "no account yet" apart from "still loading"', () => {
    expect(toLoadable({ account: undefined })).toEqual({ loading: false, account: undefined });
  });

  it('should spread the answer next to `loading: false`', () => {
    expect(toLoadable({ conversations: [], total: 0 })).toEqual({ loading: false, conversations: [], total: 0 });
  });
});
