import { describe, expect, it, vi } from 'vitest';
import { createRequestGate, GateClosedError, type RequestGateDeps } from '@/utils/capture/request-gate';
import type { AcquireSlot, RequestResult, SlotAnswer } from '@/utils/pacing/model';
import { FIXED_NOW } from '../../../factories';

/** A background that gives `answers` in turn (an Error is thrown, as a failed message would be). */
function background(answers: (SlotAnswer | Error)[]) {
  const asked: AcquireSlot[] = [];
  const acquire = async (request: AcquireSlot): Promise<SlotAnswer> => {
    asked.push(request);
    const answer = answers.shift();
    if (answer === undefined) throw new Error('the test gave no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { asked, acquire };
}

/** A gate whose waits are recorded and return at once. */
function gate(answers: (SlotAnswer | Error)[], deps: Partial<RequestGateDeps> = {}) {
  const { asked, acquire } = background(answers);
  const waits: number[] = [];
  const released: [string, RequestResult][] = [];
  const requestGate = createRequestGate({
    acquire,
    release: async (leaseId, result) => {
      released.push([leaseId, result]);
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...deps,
  });
  return { gate: requestGate, asked, waits, released };
}

const GRANTED: SlotAnswer = { granted: true, leaseId: 'lease-1' };

describe('createRequestGate', () => {
  it('should wait as long as it is told and ask again until granted', async () => {
    const {
      gate: g,
      asked,
      waits,
    } = gate([{ granted: false, waitMs: 500 }, { granted: false, waitMs: 1250 }, GRANTED]);
    await expect(g.acquire('conversation', 30_000)).resolves.toBeDefined();
    expect(waits).toEqual([500, 1250]);
    expect(asked).toEqual(Array(3).fill({ kind: 'conversation', timeoutMs: 30_000 }));
  });

  it('should come back to the place in the queue the background kept for it', async () => {
    const { gate: g, asked } = gate([
      { granted: false, waitMs: 2000, place: 'place-1' },
      { granted: false, waitMs: 2000, place: 'place-1' },
      GRANTED,
    ]);
    await g.acquire('conversation', 30_000);
    expect(asked).toEqual([
      { kind: 'conversation', timeoutMs: 30_000 },
      { kind: 'conversation', timeoutMs: 30_000, place: 'place-1' },
      { kind: 'conversation', timeoutMs: 30_000, place: 'place-1' },
    ]);
  });

  it('should ask once and not wait when the slot is free', async () => {
    const { gate: g, asked, waits } = gate([GRANTED]);
    await g.acquire('session', 5000);
    expect(asked).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('should tell when ChatGPT’s rate limit makes the tab wait, and until when', async () => {
    const onRateLimited = vi.fn();
    const until = FIXED_NOW + 120_000;
    const { gate: g, waits } = gate(
      [{ granted: false, waitMs: 120_000, rateLimitedUntil: until }, { granted: false, waitMs: 800 }, GRANTED],
      { onRateLimited },
    );
    await g.acquire('conversation', 30_000);
    expect(onRateLimited.mock.calls).toEqual([[until]]);
    expect(waits).toEqual([120_000, 800]);
  });

  it('should ask again shortly when the background cannot answer (it is restarting)', async () => {
    const onError = vi.fn();
    const {
      gate: g,
      asked,
      waits,
    } = gate(
      [new Error('Could not establish connection. Receiving end does not exist.'), new Error('stopped'), GRANTED],
      { onError },
    );
    await g.acquire('conversation', 30_000);
    expect(asked).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
    expect(onError.mock.calls).toEqual([
      ['Could not establish connection. Receiving end does not exist.'],
      ['stopped'],
    ]);
  });

  it('should count failed asks in a row only: an answer in between starts the count again', async () => {
    const failures = (n: number) => Array.from({ length: n }, () => new Error('restarting'));
    const { gate: g, asked } = gate([...failures(29), { granted: false, waitMs: 10 }, ...failures(29), GRANTED]);
    await expect(g.acquire('conversation', 30_000)).resolves.toBeDefined();
    expect(asked).toHaveLength(60);
  });

  it('should give up as closed after 30 failed asks in a row (the extension is gone)', async () => {
    const { gate: g, asked } = gate(Array.from({ length: 40 }, () => new Error('gone')));
    await expect(g.acquire('conversation', 30_000)).rejects.toBeInstanceOf(GateClosedError);
    expect(asked).toHaveLength(30);
  });

  it('should throw GateClosedError without asking once the content script is invalidated', async () => {
    const { gate: g, asked } = gate([GRANTED], { isActive: () => false });
    await expect(g.acquire('conversation', 30_000)).rejects.toThrow(GateClosedError);
    expect(asked).toEqual([]);
  });

  it('should stop waiting and throw GateClosedError when the tab is invalidated while it waits', async () => {
    let active = true;
    const { gate: g, asked } = gate([{ granted: false, waitMs: 500 }, GRANTED], {
      isActive: () => active,
      sleep: async () => {
        active = false;
      },
    });
    await expect(g.acquire('conversation', 30_000)).rejects.toThrow(GateClosedError);
    expect(asked).toHaveLength(1);
  });

  it('should throw GateClosedError, not retry, when an ask fails because the tab was invalidated', async () => {
    let active = true;
    const acquire = vi.fn(async (): Promise<SlotAnswer> => {
      active = false;
      throw new Error('Extension context invalidated.');
    });
    const { gate: g, waits } = gate([], { isActive: () => active, acquire });
    await expect(g.acquire('conversation', 30_000)).rejects.toThrow(GateClosedError);
    expect(acquire).toHaveBeenCalledOnce();
    expect(waits).toEqual([]);
  });

  it('should hand the slot back once, with the result, even if released twice', async () => {
    const { gate: g, released } = gate([GRANTED]);
    const lease = await g.acquire('conversation', 30_000);
    lease.release({ status: 429, retryAfterSeconds: 30 });
    lease.release({ status: 200 });
    await Promise.resolve();
    expect(released).toEqual([['lease-1', { status: 429, retryAfterSeconds: 30 }]]);
  });

  it('should not let a failed hand-back escape as an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      // A plain function, not vi.fn(): a spy handles the promises it returns, which would hide the rejection.
      let releases = 0;
      const release = async () => {
        releases += 1;
        throw new Error('Extension context invalidated.');
      };
      const { gate: g } = gate([GRANTED], { release });
      const lease = await g.acquire('conversation', 30_000);
      lease.release({ failure: 'aborted' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(releases).toBe(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it("should hold the document's port from asking until the hand-back has arrived, and let go on failure", async () => {
    const events: string[] = [];
    let arrive = () => {};
    const gate = createRequestGate({
      acquire: async () => ({ granted: true, leaseId: 'l1' }),
      release: () =>
        new Promise<void>((resolve) => {
          events.push('release sent');
          arrive = () => {
            events.push('release arrived');
            resolve();
          };
        }),
      hold: () => {
        events.push('hold');
        return () => events.push('let go');
      },
    });
    const lease = await gate.acquire('conversation', 30_000);
    lease.release({ status: 429, retryAfterSeconds: 30 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Letting go first would let the background free the slot without learning about the 429.
    expect(events).toEqual(['hold', 'release sent']);
    arrive();
    await vi.waitFor(() => expect(events).toEqual(['hold', 'release sent', 'release arrived', 'let go']));

    let active = true;
    const closed: string[] = [];
    const closing = createRequestGate({
      acquire: async () => {
        active = false;
        throw new Error('Extension context invalidated.');
      },
      release: async () => {},
      isActive: () => active,
      hold: () => () => closed.push('let go'),
    });
    await expect(closing.acquire('session', 20_000)).rejects.toBeInstanceOf(GateClosedError);
    expect(closed).toEqual(['let go']);
  });
});
