import { describe, expect, it } from 'vitest';
import { listenToPageHook } from '@/utils/capture/listen-to-page-hook';
import type { PageHookMessage } from '@/utils/capture/model';
import { installPageHook, PAGE_HOOK_EVENT } from '@/utils/capture/page-hook';

function fakeWindow(): Window {
  return new EventTarget() as unknown as Window;
}

describe('the page hook channel', () => {
  it('should answer a content script that starts after the hook', () => {
    const win = fakeWindow();
    installPageHook(win);
    const seen: PageHookMessage[] = [];
    listenToPageHook((message) => seen.push(message), win);
    expect(seen).toEqual([{ type: 'ready', version: 1 }]);
  });

  it('should drop events that are not valid JSON strings of a known message', () => {
    const win = fakeWindow();
    const seen: PageHookMessage[] = [];
    listenToPageHook((message) => seen.push(message), win);
    for (const detail of ['{not json', JSON.stringify({ type: 'evil' }), { type: 'ready', version: 1 }, null]) {
      win.dispatchEvent(new CustomEvent(PAGE_HOOK_EVENT, { detail }));
    }
    expect(seen).toEqual([]);
  });
});
