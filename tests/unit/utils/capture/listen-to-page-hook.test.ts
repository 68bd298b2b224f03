import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenToPageHook, type PageHookWindow } from '@/utils/capture/listen-to-page-hook';
import type { PageHookMessage } from '@/utils/capture/model';
import { installPageHook, PAGE_HOOK_HELLO_EVENT, PAGE_HOOK_OFFER_EVENT } from '@/utils/capture/page-hook';

// Both halves of the handshake on one fake window, which stands for the window the MAIN world and the isolated
// world share. Node's own MessageEvent ignores `cancelable`, so the window carries a minimal one that keeps it.

class TestMessageEvent extends Event {
  readonly ports: readonly MessagePort[];
  readonly data: unknown;
  constructor(type: string, init: MessageEventInit = {}) {
    super(type, init);
    this.ports = init.ports ?? [];
    this.data = init.data ?? null;
  }
}

interface FakeWindow extends PageHookWindow {
  /** How many listeners are registered now, per event type. */
  listeners: Map<string, number>;
  document: { readyState: DocumentReadyState };
}

function fakeWindow(readyState: DocumentReadyState = 'loading'): FakeWindow {
  const target = new EventTarget();
  const listeners = new Map<string, number>();
  return {
    listeners,
    document: { readyState },
    MessageChannel,
    MessageEvent: TestMessageEvent as unknown as typeof MessageEvent,
    addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      listeners.set(type, (listeners.get(type) ?? 0) + 1);
      target.addEventListener(type, listener);
    },
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      listeners.set(type, Math.max(0, (listeners.get(type) ?? 0) - 1));
      target.removeEventListener(type, listener);
    },
    dispatchEvent: (event: Event) => target.dispatchEvent(event),
  } as FakeWindow;
}

const asWindow = (win: FakeWindow) => win as unknown as Window;
const active = (win: FakeWindow) => [...win.listeners].filter(([, count]) => count > 0).map(([type]) => type);

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Starts the isolated half on `win`, recording what it hands on. */
function isolatedHalf(win: FakeWindow) {
  const seen: PageHookMessage[] = [];
  const onMissing = vi.fn();
  stops.push(listenToPageHook({ onMessage: (message) => seen.push(message), onMissing }, win));
  return { seen, onMissing };
}

/** A page script's attempt to get a port from whoever still listens: was its offer taken, and by whom. */
function pageOffers(win: FakeWindow): { taken: boolean; received: unknown[] } {
  const channel = new MessageChannel();
  const received: unknown[] = [];
  channel.port1.onmessage = (event) => received.push(event.data);
  stops.push(() => channel.port1.close());
  const taken = !win.dispatchEvent(
    new TestMessageEvent(PAGE_HOOK_OFFER_EVENT, { cancelable: true, ports: [channel.port2] }),
  );
  return { taken, received };
}

/** Counts offers dispatched on `win` from now on (a page script listening for a port). */
function watchOffers(win: FakeWindow): Event[] {
  const offers: Event[] = [];
  win.addEventListener(PAGE_HOOK_OFFER_EVENT, (event) => offers.push(event));
  return offers;
}

const ready: PageHookMessage = { type: 'ready', version: 1 };

describe('the page-hook handshake', () => {
  it.each([
    ['the hook runs first', ['hook', 'isolated']],
    ['the isolated half runs first', ['isolated', 'hook']],
  ] as const)('should connect when %s', async (_, order) => {
    const win = fakeWindow();
    let half: ReturnType<typeof isolatedHalf> | undefined;
    for (const which of order) {
      if (which === 'hook') installPageHook(asWindow(win));
      else half = isolatedHalf(win);
    }
    await vi.waitFor(() => expect(half?.seen).toEqual([ready]));
    win.dispatchEvent(new Event('DOMContentLoaded'));
    expect(half?.onMissing).not.toHaveBeenCalled();
  });

  it.each([
    ['the hook runs first', ['hook', 'isolated']],
    ['the isolated half runs first', ['isolated', 'hook']],
  ] as const)('should leave no listener on the window once connected when %s', (_, order) => {
    const win = fakeWindow();
    for (const which of order) {
      if (which === 'hook') installPageHook(asWindow(win));
      else isolatedHalf(win);
    }
    expect(active(win)).toEqual([]);
  });

  it('should give a page script that says hello or offers a port after the handshake nothing', async () => {
    const win = fakeWindow();
    const { seen } = isolatedHalf(win);
    installPageHook(asWindow(win));
    const offers = watchOffers(win);
    win.dispatchEvent(new Event(PAGE_HOOK_HELLO_EVENT));
    expect(offers).toEqual([]);
    const forged = pageOffers(win);
    await vi.waitFor(() => expect(seen).toEqual([ready]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(forged).toEqual({ taken: false, received: [] });
  });

  it('should ignore hook messages forged on the window, with the old event names or as window messages', async () => {
    const win = fakeWindow();
    const { seen } = isolatedHalf(win);
    installPageHook(asWindow(win));
    const detail = JSON.stringify(ready);
    win.dispatchEvent(new CustomEvent('lifeboat:page-hook', { detail }));
    win.dispatchEvent(new CustomEvent('lifeboat:content-script', { detail: JSON.stringify({ type: 'ping' }) }));
    win.dispatchEvent(new TestMessageEvent('message', { data: detail }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([ready]);
  });

  it('should not read a port a page script offers while the hook is not there yet', async () => {
    const win = fakeWindow();
    const { seen } = isolatedHalf(win);
    const channel = new MessageChannel();
    stops.push(() => channel.port1.close());
    win.dispatchEvent(new TestMessageEvent(PAGE_HOOK_OFFER_EVENT, { cancelable: true, ports: [channel.port2] }));
    channel.port1.postMessage(JSON.stringify(ready));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
  });

  it('should drop anything on the port that is not a JSON string of a known message', async () => {
    const win = fakeWindow();
    // The test plays the hook so it can send what the real one never would.
    let port: MessagePort | undefined;
    win.addEventListener(PAGE_HOOK_OFFER_EVENT, (event) => {
      event.preventDefault();
      port = (event as MessageEvent).ports[0];
    });
    const { seen } = isolatedHalf(win);
    for (const data of [
      '{not json',
      JSON.stringify({ type: 'evil' }),
      JSON.stringify({ type: 'ready', version: 2 }),
      { type: 'ready', version: 1 },
      null,
      JSON.stringify(ready),
    ]) {
      port?.postMessage(data);
    }
    await vi.waitFor(() => expect(seen).toEqual([ready]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([ready]);
  });

  it('should report a missing hook once the page is parsed, and stop answering hellos then', () => {
    const win = fakeWindow();
    const { onMissing } = isolatedHalf(win);
    expect(onMissing).not.toHaveBeenCalled();
    win.dispatchEvent(new Event('DOMContentLoaded'));
    expect(onMissing).toHaveBeenCalledOnce();
    expect(active(win)).toEqual([]);
    const offers = watchOffers(win);
    win.dispatchEvent(new Event(PAGE_HOOK_HELLO_EVENT));
    expect(offers).toEqual([]);
  });

  it('should make the hook stop waiting for a port once the page is parsed', () => {
    const win = fakeWindow();
    installPageHook(asWindow(win));
    win.dispatchEvent(new Event('DOMContentLoaded'));
    expect(active(win)).toEqual([]);
    expect(pageOffers(win).taken).toBe(false);
  });

  it('should give either half only until the next microtask in a page that is already parsed', async () => {
    const win = fakeWindow('complete');
    installPageHook(asWindow(win));
    const { onMissing } = isolatedHalf(fakeWindow('complete'));
    await Promise.resolve();
    expect(active(win)).toEqual([]);
    expect(pageOffers(win).taken).toBe(false);
    expect(onMissing).toHaveBeenCalledOnce();
  });

  it('should not report a missing hook after it was stopped', async () => {
    const win = fakeWindow('complete');
    const { onMissing } = isolatedHalf(win);
    for (const stop of stops.splice(0)) stop();
    await Promise.resolve();
    expect(onMissing).not.toHaveBeenCalled();
    expect(active(win)).toEqual([]);
  });
});
