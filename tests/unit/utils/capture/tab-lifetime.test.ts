import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPortHolder, isExtensionAlive, watchLocation } from '@/utils/capture/tab-lifetime';
import { installFakePorts } from '../../../fake-ports';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A window whose URL the test moves, with an optional Navigation API. */
function fakeWindow(withNavigation: boolean) {
  const navigation = new EventTarget();
  const win = { location: { href: 'https://chatgpt.com/c/a' }, ...(withNavigation ? { navigation } : {}) };
  const go = (url: string) => {
    win.location.href = url;
  };
  return { win: win as unknown as Window, navigation, go };
}

describe('watchLocation', () => {
  it('should report each in-app navigation once, from the Navigation API at once', async () => {
    vi.useFakeTimers();
    const { win, navigation, go } = fakeWindow(true);
    const seen: string[] = [];
    const stop = watchLocation((url) => seen.push(url), win);
    go('https://chatgpt.com/c/b');
    navigation.dispatchEvent(new Event('navigate'));
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['https://chatgpt.com/c/b']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual(['https://chatgpt.com/c/b']);
    stop();
    go('https://chatgpt.com/c/c');
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual(['https://chatgpt.com/c/b']);
  });

  it('should notice a navigation no event reports, by polling', async () => {
    vi.useFakeTimers();
    const { win, go } = fakeWindow(false);
    const seen: string[] = [];
    watchLocation((url) => seen.push(url), win);
    go('https://chatgpt.com/c/b');
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).toEqual(['https://chatgpt.com/c/b']);
  });
});

describe('isExtensionAlive', () => {
  it('should follow whether the runtime still has an id', () => {
    expect(isExtensionAlive()).toBe(true);
    const runtime = fakeBrowser.runtime as { id?: string };
    const id = runtime.id;
    runtime.id = undefined;
    try {
      expect(isExtensionAlive()).toBe(false);
    } finally {
      runtime.id = id;
    }
  });
});

describe('createPortHolder', () => {
  it('should keep one port open while anyone holds it, and close it when the last lets go', () => {
    const ports = installFakePorts();
    const hold = createPortHolder('p');
    const first = hold();
    const second = hold();
    expect(ports.opened).toHaveLength(1);
    let closed = 0;
    ports.opened[0]?.onDisconnect.addListener(() => {
      closed += 1;
    });
    first();
    first();
    expect(closed).toBe(0);
    second();
    expect(closed).toBe(1);
    hold();
    expect(ports.opened).toHaveLength(2);
  });

  it('should open the port again when the background restarts while it is held', () => {
    const ports = installFakePorts();
    const hold = createPortHolder('p');
    const letGo = hold();
    ports.opened[0]?.disconnect();
    expect(ports.opened).toHaveLength(2);
    letGo();
    ports.opened[1]?.disconnect();
    expect(ports.opened).toHaveLength(2);
  });
});
