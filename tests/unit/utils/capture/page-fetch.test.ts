import { describe, expect, it } from 'vitest';
import { pageFetch } from '@/utils/capture/page-fetch';

describe('pageFetch', () => {
  it("should use the page's own fetch where Firefox offers content.fetch", async () => {
    const page = { fetch: async () => new Response('page') };
    const scope = { content: page, fetch: async () => new Response('extension') } as unknown as typeof globalThis;
    expect(await (await pageFetch(scope)('https://chatgpt.com/')).text()).toBe('page');
  });

  it("should use the content script's fetch elsewhere", async () => {
    const scope = { fetch: async () => new Response('extension') } as unknown as typeof globalThis;
    expect(await (await pageFetch(scope)('https://chatgpt.com/')).text()).toBe('extension');
  });
});
