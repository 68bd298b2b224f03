import { describe, expect, it } from 'vitest';
import { createRequestLimiter, type PacingStore } from '@/utils/pacing/create-request-limiter';
import { IDLE_PACING, MAX_RETRY_AFTER_MS, type PacingState, type SlotAnswer } from '@/utils/pacing/model';
import { FIXED_NOW } from '../../../factories';

/** Lets every pending promise chain run (a real macrotask: the limiter's own timers are all fake). */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock that moves only when told, and a `sleep` that wakes when the clock passes its time. */
function fakeTime(start = FIXED_NOW) {
  let time = start;
  const sleepers: { until: number; wake: () => void }[] = [];
  return {
    now: () => time,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        sleepers.push({ until: time + ms, wake });
      }),
    /** Moves the clock `ms` ahead, waking each sleeper at its own time, in order. */
    async advance(ms: number): Promise<void> {
      const end = time + ms;
      for (;;) {
        await flush();
        const due = sleepers.filter((s) => s.until <= end).sort((a, b) => a.until - b.until)[0];
        if (due === undefined) break;
        sleepers.splice(sleepers.indexOf(due), 1);
        time = Math.max(time, due.until);
        due.wake();
      }
      time = end;
      await flush();
    },
  };
}

/** Session storage as the limiter sees it, in memory; `state` is what a restarted worker would load. */
function memoryStore(initial: PacingState = IDLE_PACING): PacingStore & { state: PacingState } {
  const store = {
    state: initial,
    load: async () => store.state,
    save: async (state: PacingState) => {
      store.state = state;
    },
  };
  return store;
}

function setup({ store = memoryStore(), maxWaitMs = 20_000, jitter = 0 } = {}) {
  const time = fakeTime();
  const limiter = createRequestLimiter({ store, now: time.now, sleep: time.sleep, random: () => jitter, maxWaitMs });
  return { time, store, limiter };
}

/** A conversation request that may take 1 s: its lease lapses 1 s + 15 s of grace after it is granted. */
const CONVERSATION = { kind: 'conversation', timeoutMs: 1000 } as const;
const LEASE_LIFETIME_MS = 16_000;

/** An acquire call whose answer the test can look at before it has arrived. */
function asking(answer: Promise<SlotAnswer>): { answer: SlotAnswer | undefined; settled: Promise<SlotAnswer> } {
  const pending: { answer: SlotAnswer | undefined; settled: Promise<SlotAnswer> } = {
    answer: undefined,
    settled: answer,
  };
  void answer.then((value) => {
    pending.answer = value;
  });
  return pending;
}

async function granted(answer: Promise<SlotAnswer> | SlotAnswer): Promise<string> {
  const value = await answer;
  if (!value.granted) throw new Error(`expected a slot, got ${JSON.stringify(value)}`);
  return value.leaseId;
}

describe('createRequestLimiter', () => {
  it('should grant one lease at a time across tabs', async () => {
    const { time, limiter } = setup();
    const first = await granted(limiter.acquire(CONVERSATION, 1));
    const second = asking(limiter.acquire(CONVERSATION, 2));
    const sameTab = asking(limiter.acquire(CONVERSATION, 1));
    await time.advance(5000);
    expect(second.answer).toBeUndefined();
    expect(sameTab.answer).toBeUndefined();

    await limiter.release(first, { status: 200 });
    await time.advance(1000);
    expect(second.answer).toMatchObject({ granted: true });
    expect(sameTab.answer).toBeUndefined();
  });

  it('should serve waiting tabs in the order they asked, whichever wakes first', async () => {
    // Sleepers woken by hand, last asker first: only the queue can keep the order.
    const store = memoryStore();
    const sleepers: (() => void)[] = [];
    let time = FIXED_NOW;
    const limiter = createRequestLimiter({
      store,
      now: () => time,
      random: () => 0,
      sleep: () => new Promise<void>((wake) => sleepers.push(wake)),
    });
    await granted(limiter.acquire(CONVERSATION, 1));
    const order: number[] = [];
    const waiters = [2, 3, 4].map((tabId) =>
      limiter.acquire(CONVERSATION, tabId).then(async (answer) => {
        order.push(tabId);
        return answer;
      }),
    );
    await flush();
    // The first lease lapses unreported; the tabs wake in reverse order of asking.
    time += LEASE_LIFETIME_MS;
    for (const wake of sleepers.splice(0).reverse()) {
      wake();
      await flush();
    }
    expect(order).toEqual([2]);
    const lease2 = await granted(waiters[0] as Promise<SlotAnswer>);
    await limiter.release(lease2, { status: 200 });
    time += 1000;
    for (const wake of sleepers.splice(0).reverse()) {
      wake();
      await flush();
    }
    expect(order).toEqual([2, 3]);
  });

  it('should keep the gap after a request, with jitter, before the next one starts', async () => {
    const { time, limiter } = setup({ jitter: 0.5 });
    const first = await granted(limiter.acquire(CONVERSATION, 1));
    await limiter.release(first, { status: 200 });
    const next = asking(limiter.acquire(CONVERSATION, 2));
    // The clean answer shortened the gap from 1000 to 900 ms; plus 0.5 × 25 % of it as jitter.
    await time.advance(1011);
    expect(next.answer).toBeUndefined();
    await time.advance(1);
    expect(next.answer).toMatchObject({ granted: true });
  });

  it('should keep a shorter gap after a small request, and a longer one after a server error', async () => {
    const { time, limiter } = setup();
    const session = await granted(limiter.acquire({ kind: 'session', timeoutMs: 1000 }, 1));
    await limiter.release(session, { status: 200 });
    const afterSession = asking(limiter.acquire(CONVERSATION, 1));
    await time.advance(200);
    const conversation = await granted(afterSession.settled);
    await limiter.release(conversation, { status: 503 });
    const afterError = asking(limiter.acquire(CONVERSATION, 1));
    await time.advance(2999);
    expect(afterError.answer).toBeUndefined();
    await time.advance(1);
    expect(afterError.answer).toMatchObject({ granted: true });
  });

  it('should pause every tab after a 429 for its Retry-After, saying until when', async () => {
    const { time, limiter } = setup();
    const first = await granted(limiter.acquire(CONVERSATION, 1));
    // Already waiting when the 429 arrives: told at once, not left hanging.
    const waiting = asking(limiter.acquire(CONVERSATION, 2));
    await time.advance(10);
    const pausedUntil = FIXED_NOW + 10 + 120_000;
    await limiter.release(first, { status: 429, retryAfterSeconds: 120 });
    await flush();
    const told = { granted: false, waitMs: 120_000, rateLimitedUntil: pausedUntil, place: expect.any(String) };
    expect(waiting.answer).toEqual(told);
    expect(await limiter.acquire(CONVERSATION, 3)).toEqual(told);
    expect(await limiter.rateLimitedUntil()).toBe(pausedUntil);

    // Asked again when the tab was told to: the last millisecond is waited out within the call.
    await time.advance(119_999);
    const again = asking(limiter.acquire(CONVERSATION, 2));
    await flush();
    expect(again.answer).toBeUndefined();
    expect(await limiter.rateLimitedUntil()).toBe(pausedUntil);
    await time.advance(1);
    expect(again.answer).toMatchObject({ granted: true });
    expect(await limiter.rateLimitedUntil()).toBe(0);
  });

  it('should wait out a pause shorter than one call within that call', async () => {
    const { time, limiter } = setup();
    const first = await granted(limiter.acquire(CONVERSATION, 1));
    await limiter.release(first, { status: 429, retryAfterSeconds: 5 });
    const next = asking(limiter.acquire(CONVERSATION, 2));
    await time.advance(4999);
    expect(next.answer).toBeUndefined();
    await time.advance(1);
    expect(next.answer).toMatchObject({ granted: true });
  });

  it.each([
    ['a Retry-After of an hour', 3600, MAX_RETRY_AFTER_MS],
    // 60 s, jittered by 0.8–1.2×; the test's random() is 0.
    ['no Retry-After', undefined, 48_000],
    ['a Retry-After of 0', 0, 1000],
  ])('should pause after a 429 with %s for %s ms', async (_label, retryAfterSeconds, pauseMs) => {
    const { limiter, store } = setup();
    const first = await granted(limiter.acquire(CONVERSATION, 1));
    await limiter.release(first, {
      status: 429,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
    expect(await limiter.rateLimitedUntil()).toBe(FIXED_NOW + pauseMs);
    expect(store.state.pausedUntil).toBe(FIXED_NOW + pauseMs);
  });

  it('should let another tab go once a lease that was never handed back lapses', async () => {
    const { time, limiter } = setup();
    await granted(limiter.acquire(CONVERSATION, 1));
    const next = asking(limiter.acquire(CONVERSATION, 2));
    await time.advance(LEASE_LIFETIME_MS - 1);
    expect(next.answer).toBeUndefined();
    await time.advance(1);
    expect(next.answer).toMatchObject({ granted: true });
  });

  it('should answer "ask again" soon when one call has waited its longest, not after the whole lease', async () => {
    const { time, limiter } = setup({ maxWaitMs: 5000 });
    await granted(limiter.acquire({ kind: 'conversation', timeoutMs: 60_000 }, 1));
    const next = asking(limiter.acquire(CONVERSATION, 2));
    await time.advance(4999);
    expect(next.answer).toBeUndefined();
    await time.advance(1);
    expect(next.answer).toMatchObject({ granted: false, place: expect.any(String) });
    expect(next.answer).not.toHaveProperty('rateLimitedUntil');
    // The lease may be handed back any moment: the tab is told to look again within seconds, not in 70 s.
    const { waitMs } = next.answer as { waitMs: number };
    expect(waitMs).toBeGreaterThanOrEqual(250);
    expect(waitMs).toBeLessThanOrEqual(2000);
  });

  it('should keep the place of a tab told to ask again, ahead of the tabs that asked after it', async () => {
    const { time, limiter } = setup({ maxWaitMs: 5000 });
    const first = await granted(limiter.acquire({ kind: 'conversation', timeoutMs: 60_000 }, 1));
    const early = asking(limiter.acquire(CONVERSATION, 2));
    await time.advance(1000);
    const late = asking(limiter.acquire(CONVERSATION, 3));
    await time.advance(4000);
    expect(early.answer).toMatchObject({ granted: false, place: expect.any(String) });
    const { place } = early.answer as { place: string };

    const again = asking(limiter.acquire({ ...CONVERSATION, place }, 2));
    await limiter.release(first, { status: 200 });
    await time.advance(1000);
    expect(again.answer).toMatchObject({ granted: true });
    expect(late.answer).toMatchObject({ granted: false });
  });

  it('should not hold the slot idle for a tab that is between two asks', async () => {
    const { time, limiter } = setup({ maxWaitMs: 5000 });
    const first = await granted(limiter.acquire({ kind: 'conversation', timeoutMs: 60_000 }, 1));
    const early = asking(limiter.acquire(CONVERSATION, 2));
    await time.advance(1000);
    const late = asking(limiter.acquire(CONVERSATION, 3));
    await time.advance(4000);
    expect(early.answer).toMatchObject({ granted: false });
    // Tab 2 has not asked again yet when the slot frees: tab 3, waiting now, goes.
    await limiter.release(first, { status: 200 });
    await time.advance(1000);
    expect(late.answer).toMatchObject({ granted: true });
  });

  it("should free a closed tab's slot at once, keeping the gap", async () => {
    const { time, limiter } = setup();
    await granted(limiter.acquire({ kind: 'conversation', timeoutMs: 60_000 }, 1));
    const next = asking(limiter.acquire(CONVERSATION, 2));
    await limiter.releaseTab(99);
    await time.advance(2000);
    expect(next.answer).toBeUndefined();

    await limiter.releaseTab(1);
    await time.advance(999);
    expect(next.answer).toBeUndefined();
    await time.advance(1);
    expect(next.answer).toMatchObject({ granted: true });
  });

  // Known bug, left for the source's owner: releaseTab frees only a lease the tab holds now, so a tab closed
  // while still waiting is granted the slot later anyway and, being gone, never hands it back; everyone else
  // waits for the lease to lapse. Drop `.fails` once releaseTab also withdraws the tab's waiting calls.
  it('should not hand the slot to a tab that was closed while it waited', async () => {
    const { time, limiter } = setup();
    const first = await granted(limiter.acquire(CONVERSATION, 1));
    asking(limiter.acquire(CONVERSATION, 2));
    const open = asking(limiter.acquire(CONVERSATION, 3));
    await time.advance(100);
    await limiter.releaseTab(2);
    await limiter.release(first, { status: 200 });
    await time.advance(5000);
    expect(open.answer).toMatchObject({ granted: true });
  });

  it('should ignore a release with a lease id that is not the current one', async () => {
    const { time, limiter, store } = setup();
    const first = await granted(limiter.acquire(CONVERSATION, 1));
    await limiter.release('someone-else', { status: 429 });
    expect(await limiter.rateLimitedUntil()).toBe(0);
    expect(store.state.lease?.id).toBe(first);

    await limiter.release(first, { status: 200 });
    const second = asking(limiter.acquire(CONVERSATION, 2));
    await time.advance(1000);
    expect(second.answer).toMatchObject({ granted: true });
    // The first tab reports again, late: its lease is long gone and must not free or pause the second one's.
    await limiter.release(first, { status: 429 });
    expect(await limiter.rateLimitedUntil()).toBe(0);
    expect(store.state.lease?.id).toBe((second.answer as { leaseId: string }).leaseId);
  });

  it('should keep its state in the store, so a restarted worker still honours a pause and a lease', async () => {
    const store = memoryStore();
    const before = setup({ store });
    const first = await granted(before.limiter.acquire(CONVERSATION, 1));
    await before.limiter.release(first, { status: 429, retryAfterSeconds: 300 });
    expect(store.state).toMatchObject({ pausedUntil: FIXED_NOW + 300_000, lease: null });

    const restarted = setup({ store });
    expect(await restarted.limiter.rateLimitedUntil()).toBe(FIXED_NOW + 300_000);
    expect(await restarted.limiter.acquire(CONVERSATION, 2)).toMatchObject({
      granted: false,
      waitMs: 300_000,
      rateLimitedUntil: FIXED_NOW + 300_000,
    });

    const held = memoryStore({
      notBefore: 0,
      pausedUntil: 0,
      lease: { id: 'lease-old', kind: 'conversation', tabId: 1, expiresAt: FIXED_NOW + 60_000 },
    });
    const afterRestart = setup({ store: held });
    const next = asking(afterRestart.limiter.acquire(CONVERSATION, 2));
    await afterRestart.time.advance(2999);
    expect(next.answer).toBeUndefined();
    // The old lease is handed back through the new worker.
    await afterRestart.limiter.release('lease-old', { status: 200 });
    await afterRestart.time.advance(1000);
    expect(next.answer).toMatchObject({ granted: true });
  });

  it('should start idle when its stored state cannot be read', async () => {
    const limiter = createRequestLimiter({
      store: { load: () => Promise.reject(new Error('no session storage')), save: async () => {} },
      now: () => FIXED_NOW,
    });
    expect(await limiter.acquire(CONVERSATION, 1)).toMatchObject({ granted: true });
  });
});
