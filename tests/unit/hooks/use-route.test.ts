import { describe, expect, it } from 'vitest';
import { conversationHash, parseRoute } from '@/hooks/use-route';

describe('parseRoute', () => {
  it.each([
    ['', { page: 'archive' }],
    ['#', { page: 'archive' }],
    ['#archive', { page: 'archive' }],
    ['#/settings', { page: 'settings' }],
    ['#prompts', { page: 'prompts' }],
    ['#health', { page: 'health' }],
    ['#archive/abc-123', { page: 'archive', conversationId: 'abc-123' }],
    ['#nowhere', { page: 'archive' }],
    ['#archive/%E0%A4%A', { page: 'archive' }],
  ])('should read %j', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });

  it('should read back the hash conversationHash makes, whatever the id holds', () => {
    for (const id of ['abc-123', 'a/b', 'x#y z']) {
      expect(parseRoute(conversationHash(id))).toEqual({ page: 'archive', conversationId: id });
    }
  });
});
