import { describe, expect, it } from 'vitest';
import { createRequestLimiter, START_GAP_MS } from '@/utils/pacing/create-request-limiter';
import { IDLE_PACING, type PacingState, type RequestResult } from '@/utils/pacing/model';

// The conversation pace learns from the server: faster while answers are clean, well below the pace that met a
// 429 afterwards. Time here is simulated: a clock that jumps to whenever the limiter would wake.

const CONVERSATION = { kind: 'conversation', timeoutMs: 30_000 } as const;

/** A limiter on a simulated clock, and a helper that runs one request through it. */
function simulated(random = () => 0.5) {
  let clock = 0;
  let state: PacingState = { ...IDLE_PACING };
  const limiter = createRequestLimiter({
    store: {
      load: async () => state,
      save: async (next) => {
        state = next;
      },
    },
    now: () => clock,
    // Sleeping moves the simulated clock: nothing else runs meanwhile.
    sleep: async (ms) => {
      clock += ms;
    },
    random,
    maxWaitMs: 10 * 60_000,
  });
  return {
    now: () => clock,
    state: () => state,
    /** Waits for a slot, makes the request `answer` decides at that moment, hands the slot back. */
    async request(answer: (at: number) => RequestResult): Promise<RequestResult> {
      for (;;) {
        const slot = await limiter.acquire(CONVERSATION, 1);
        if (!slot.granted) {
          clock += slot.waitMs;
          continue;
        }
        const result = answer(clock);
        await limiter.release(slot.leaseId, result);
        return result;
      }
    },
  };
}

/** A server with a token bucket the client is not told about: `burst` tokens, refilled at `perSecond`. */
function tokenBucket(burst: number, perSecond: number) {
  let tokens = burst;
  let last = 0;
  return (at: number): RequestResult => {
    tokens = Math.min(burst, tokens + ((at - last) / 1000) * perSecond);
    last = at;
    if (tokens >= 1) {
      tokens -= 1;
      return { status: 200 };
    }
    // As servers do: whole seconds until a token is back.
    return { status: 429, retryAfterSeconds: Math.ceil((1 - tokens) / perSecond) };
  };
}

describe('the adaptive conversation pace', () => {
  it('should start near one request a second and speed up, to four a second at most, while answers are clean', async () => {
    const run = simulated(() => 0);
    await run.request(() => ({ status: 200 }));
    expect(run.state().conversationGapMs).toBe(START_GAP_MS * 0.9);
    for (let i = 0; i < 40; i += 1) await run.request(() => ({ status: 200 }));
    expect(run.state().conversationGapMs).toBe(250);
  });

  it('should settle well below the pace that met a 429, and never go that fast again', async () => {
    const run = simulated(() => 0);
    for (let i = 0; i < 10; i += 1) await run.request(() => ({ status: 200 }));
    const metLimit = run.state().conversationGapMs ?? 0;
    await run.request(() => ({ status: 429, retryAfterSeconds: 2 }));
    expect(run.state().conversationGapMs).toBeCloseTo(metLimit * 1.5);
    expect(run.state().floorGapMs).toBeCloseTo(metLimit * 1.25);
    for (let i = 0; i < 100; i += 1) await run.request(() => ({ status: 200 }));
    expect(run.state().conversationGapMs).toBeCloseTo(metLimit * 1.25);
  });

  it('should double the pause for 429s in a row that name no Retry-After, up to 5 minutes', async () => {
    const run = simulated(() => 0.5);
    const pauses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await run.request(() => ({ status: 429 }));
      pauses.push(run.state().pausedUntil - run.now());
    }
    expect(pauses).toEqual([60_000, 120_000, 240_000, 300_000, 300_000]);
    await run.request(() => ({ status: 200 }));
    await run.request(() => ({ status: 429 }));
    expect(run.state().pausedUntil - run.now()).toBe(60_000);
  });

  it('should slow down after server errors', async () => {
    const run = simulated(() => 0);
    await run.request(() => ({ status: 503 }));
    expect(run.state().conversationGapMs).toBe(START_GAP_MS * 1.25);
    await run.request(() => ({ failure: 'timeout' }));
    expect(run.state().conversationGapMs).toBe(START_GAP_MS * 1.25 * 1.25);
  });

  it('should back up 200 chats from a token-bucket server near its fastest, with few 429s, faster than 1/s', async () => {
    const total = 200;
    const [burst, perSecond] = [20, 2];
    const run = simulated(() => 0.5);
    const server = tokenBucket(burst, perSecond);
    let limited = 0;
    for (let done = 0; done < total; ) {
      const result = await run.request(server);
      if ('status' in result && result.status === 429) limited += 1;
      else done += 1;
    }
    // The bucket's own floor: the burst at once, then its refill rate.
    const theoreticalMs = ((total - burst) / perSecond) * 1000;
    const ratio = run.now() / theoreticalMs;
    const fixedPacerMs = (total - 1) * 1000;
    expect(ratio).toBeLessThanOrEqual(1.25);
    expect(limited).toBeLessThanOrEqual((total / 100) * 2);
    expect(run.now()).toBeLessThan(fixedPacerMs);
  });
});
