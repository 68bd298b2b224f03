import { describe, expect, it } from 'vitest';
import { conversationIdFromUrl } from '@/utils/capture/conversation-url';

describe('conversationIdFromUrl', () => {
  it.each([
    ['https://chatgpt.com/c/684e65c7-c77a-8000-a0d5-2fd3f4c1a3b2', '684e65c7-c77a-8000-a0d5-2fd3f4c1a3b2'],
    ['https://chatgpt.com/c/abc-123?model=gpt-5#bottom', 'abc-123'],
    ['https://chatgpt.com/g/g-p-68d1abc-my-project/c/abc-123', 'abc-123'],
    ['https://chatgpt.com/g/g-XYZ123/c/abc-123/', 'abc-123'],
    ['https://chat.openai.com/c/abc-123', 'abc-123'],
  ])('should find the id in %s', (url, id) => {
    expect(conversationIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://chatgpt.com/',
    'https://chatgpt.com/share/abc-123',
    'https://chatgpt.com/c/abc-123?temporary-chat=true',
    'https://chatgpt.com/g/g-p-68d1abc-my-project/project',
    'https://chatgpt.com/c/../../etc',
    'not a url',
  ])('should find no chat of the user in %s', (url) => {
    expect(conversationIdFromUrl(url)).toBeNull();
  });
});
