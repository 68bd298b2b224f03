import type { AcquireSlot, RequestKind, RequestResult, SlotAnswer } from '@/utils/pacing/model';
import { describeError } from '@/utils/shared/describe-error';

// The content-script side of the background's limiter. A tab never sends a chatgpt.com request of its own
// accord: it asks the background for a slot, waits as long as it is told, and hands the slot back with the result.

/** A slot to make one request; `release` must be called exactly once, with how the request ended. */
export interface Lease {
  release(result: RequestResult): void;
}

/** The content script's stopped (extension reloaded or updated): no more requests from this tab. */
export class GateClosedError extends Error {
  override name = 'GateClosedError';
  constructor() {
    super('Lifeboat was reloaded or updated; this tab makes no more requests.');
  }
}

/** What the gate needs: the two pacing messages, and the tab's timers. */
export interface RequestGateDeps {
  acquire: (request: AcquireSlot) => Promise<SlotAnswer>;
  release: (leaseId: string, result: RequestResult) => Promise<unknown>;
  /** False once the content script is invalidated. */
  isActive?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
  /** Told whenever the tab must wait for ChatGPT's rate limit, with when it lifts (epoch ms). */
  onRateLimited?: (until: number) => void;
  /** Told when the background could not be asked (it is restarting); the gate retries after a short wait. */
  onError?: (message: string) => void;
  /**
   * Tells the background this document is waiting for a slot or holding one (a runtime port it watches), until
   * the returned function is called; if the document goes away meanwhile, the background frees what it held.
   */
  hold?: () => () => void;
}

/** How long to wait before asking a background that failed to answer again. */
const RETRY_ASK_MS = 1000;
/** After this many failed asks in a row the background is taken to be gone (extension disabled or removed). */
const MAX_FAILED_ASKS = 30;

/** The gate a tab's chatgpt.com client goes through. */
export interface RequestGate {
  /** Waits for the background's slot for one request of `kind` taking at most `timeoutMs`. Throws GateClosedError. */
  acquire(kind: RequestKind, timeoutMs: number): Promise<Lease>;
}

/** Creates the gate; it never makes a request itself, it only asks the background when one may start. */
export function createRequestGate({
  acquire,
  release,
  isActive = () => true,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  onRateLimited = () => {},
  onError = () => {},
  hold = () => () => {},
}: RequestGateDeps): RequestGate {
  return {
    async acquire(kind, timeoutMs) {
      const letGo = hold();
      try {
        return await waitForSlot(kind, timeoutMs, letGo);
      } catch (error) {
        letGo();
        throw error;
      }
    },
  };

  async function waitForSlot(kind: RequestKind, timeoutMs: number, letGo: () => void): Promise<Lease> {
    let failedAsks = 0;
    let place: string | undefined;
    for (;;) {
      if (!isActive()) throw new GateClosedError();
      let answer: SlotAnswer;
      try {
        answer = await acquire({ kind, timeoutMs, ...(place === undefined ? {} : { place }) });
        failedAsks = 0;
      } catch (error) {
        // A service worker that is starting up, or was stopped mid-answer: ask again shortly.
        failedAsks += 1;
        if (failedAsks >= MAX_FAILED_ASKS || !isActive()) throw new GateClosedError();
        onError(describeError(error));
        await sleep(RETRY_ASK_MS);
        continue;
      }
      if (answer.granted) {
        const { leaseId } = answer;
        let released = false;
        return {
          release(result) {
            if (released) return;
            released = true;
            // Fire and forget: a lost release only costs the others the lease's expiry. The hold ends after
            // the release arrived, so the background never frees the slot without knowing how it ended.
            void release(leaseId, result)
              .catch(() => {})
              .finally(letGo);
          },
        };
      }
      if (answer.rateLimitedUntil !== undefined) onRateLimited(answer.rateLimitedUntil);
      place = answer.place;
      await sleep(answer.waitMs);
    }
  }
}
