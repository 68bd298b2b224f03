import {
  type AcquireSlot,
  IDLE_PACING,
  MAX_RETRY_AFTER_MS,
  type PacingState,
  type RequestResult,
  type SlotAnswer,
} from './model';

/** Where the limiter keeps its state between service-worker lives. */
export interface PacingStore {
  load(): Promise<PacingState>;
  save(state: PacingState): Promise<void>;
}

/** What the limiter needs; tests pass a fake clock and timers. */
export interface RequestLimiterDeps {
  store: PacingStore;
  now?: () => number;
  /** A number in [0, 1), for jitter. */
  random?: () => number;
  /** Resolves after `ms`. */
  sleep?: (ms: number) => Promise<void>;
  /** Longest one `acquire` call waits before answering "ask again": a message must not stay open for minutes. */
  maxWaitMs?: number;
}

/** Gap after a session or account-list request, before jitter: small requests ChatGPT does not rate-limit. */
const SMALL_GAP_MS = 200;
/** Up to this share of a gap is added to it, so tabs do not fall into lockstep. */
const JITTER_SHARE = 0.25;
/** Gap after a failed request (5xx, timeout, network): a struggling server gets a breather. */
const ERROR_GAP_MS = 3000;

// The pace of conversation requests adapts, AIMD-style: it starts near one a second, speeds up a little with
// every clean answer, and after a 429 settles well below the pace that met it, never going that fast again
// this browser session. So a long back-up finishes near the fastest the server allows, without 429 storms.
/** Where the conversation gap starts. */
export const START_GAP_MS = 1000;
/** The fastest conversation pace: four a second. */
const MIN_GAP_MS = 250;
/** The slowest: one every ten seconds. */
const MAX_GAP_MS = 10_000;
/** Each clean answer shortens the gap by this factor. */
const SPEED_UP = 0.9;
/** After a 429, the gap becomes this many times the one that met it… */
const SETTLE = 1.5;
/** …and the pace never again goes faster than this many times that gap. */
const FLOOR = 1.25;
/** A 5xx or a timeout lengthens the gap by this factor. */
const SLOW_DOWN = 1.25;
/** Pause after a first 429 that names no `Retry-After`; doubled for each further one in a row, up to the cap. */
const DEFAULT_RATE_LIMIT_MS = 60_000;
const MAX_DEFAULT_RATE_LIMIT_MS = 5 * 60_000;

/** Keeps a gap within the pace's bounds. */
function clampGap(gap: number): number {
  return Math.min(Math.max(gap, MIN_GAP_MS), MAX_GAP_MS);
}

/** A lease outlives its request's own timeout by this much before it lapses. */
const LEASE_GRACE_MS = 15_000;
/** Bounds of the wait suggested to a tab whose call ran out of time (when not rate limited). */
const MIN_ASK_AGAIN_MS = 250;
const MAX_ASK_AGAIN_MS = 2000;
/** A place in the queue is kept this long past the wait a tab was told, for the tab to come back to it. */
const PLACE_GRACE_MS = 5_000;

/** One tab's place in the queue; `heldUntil` is Infinity while a call waits on it, else when it is given up. */
interface Place {
  id: string;
  tabId: number | null;
  /** The document in the tab that asked, where the browser says (Chrome): a reload is another document. */
  documentId: string | undefined;
  heldUntil: number;
  /** Set when its tab closed or navigated away: the call waiting on it answers at once, ungranted. */
  withdrawn: boolean;
}

/** A promise and the function that resolves it (Promise.withResolvers, which Node 20 lacks). */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

/**
 * Creates the background's request limiter: one chatgpt.com request at a time across all tabs, a gap after each,
 * and a pause for everyone after a 429 (honouring `Retry-After` up to 10 minutes). Waiting tabs are served in
 * the order they asked: a call waits at most `maxWaitMs`, and a tab told to ask again keeps its place when it
 * does. State survives the service worker through `store` (the queue does not: tabs simply ask again).
 */
export function createRequestLimiter({
  store,
  now = Date.now,
  random = Math.random,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  maxWaitMs = 20_000,
}: RequestLimiterDeps) {
  let state: PacingState | undefined;
  let loading: Promise<PacingState> | undefined;
  const queue: Place[] = [];
  // Resolved whenever the slot may have become free, so waiters look again at once instead of at their timer.
  let changed = signal();

  async function current(): Promise<PacingState> {
    if (state !== undefined) return state;
    loading ??= store.load().then(
      (loaded) => {
        state ??= loaded;
        return state;
      },
      () => {
        state ??= { ...IDLE_PACING };
        return state;
      },
    );
    return loading;
  }

  /** Wakes every waiting call to look again: the slot may have become free, or its place may have changed. */
  function wake(): void {
    changed.fire();
    changed = signal();
  }

  function update(next: PacingState): void {
    state = next;
    // Written through; a failed write only means a restarted worker starts less cautious.
    void store.save(next).catch(() => {});
    wake();
  }

  function blockedUntil(pacing: PacingState, at: number): number {
    const lease = pacing.lease !== null && pacing.lease.expiresAt > at ? pacing.lease.expiresAt : 0;
    return Math.max(pacing.notBefore, pacing.pausedUntil, lease);
  }

  return {
    /** Grants the next slot, or says how long to wait; never throws. Resolves within about `maxWaitMs`. */
    async acquire(
      { kind, timeoutMs, place: placeId }: AcquireSlot,
      tabId: number | null,
      documentId?: string,
    ): Promise<SlotAnswer> {
      // Places nobody came back to (the tab closed or navigated away) stop blocking the queue.
      const start = now();
      for (let index = queue.length - 1; index >= 0; index -= 1) {
        if ((queue[index]?.heldUntil ?? 0) <= start) queue.splice(index, 1);
      }
      let place = queue.find((waiting) => waiting.id === placeId && waiting.tabId === tabId);
      if (place === undefined) {
        place = { id: crypto.randomUUID(), tabId, documentId, heldUntil: Number.POSITIVE_INFINITY, withdrawn: false };
        queue.push(place);
      }
      place.heldUntil = Number.POSITIVE_INFINITY;
      const deadline = start + maxWaitMs;
      let granted = false;
      // Tells the tab to ask again after `waitMs`, keeping its place for it until a little after that.
      const askAgain = (waitMs: number, rateLimitedUntil?: number): SlotAnswer => {
        if (place !== undefined) place.heldUntil = now() + waitMs + PLACE_GRACE_MS;
        return {
          granted: false,
          waitMs,
          place: place?.id,
          ...(rateLimitedUntil === undefined ? {} : { rateLimitedUntil }),
        };
      };
      try {
        for (;;) {
          // Taken before the state is read: a change between the read and the sleep must still wake this call.
          const wake = changed.promise;
          const pacing = await current();
          const at = now();
          // Nobody is left to use a slot given to a closed or reloaded tab: answer, and grant nothing.
          if (place.withdrawn) return { granted: false, waitMs: MIN_ASK_AGAIN_MS };
          const until = blockedUntil(pacing, at);
          // First in line among the tabs waiting now: a place kept for a tab that is between two asks does not
          // hold the slot idle, it only keeps that tab ahead of the ones behind it.
          const first = queue.find((waiting) => waiting.heldUntil === Number.POSITIVE_INFINITY);
          if (until <= at && first === place) {
            const leaseId = crypto.randomUUID();
            const expiresAt = at + timeoutMs + LEASE_GRACE_MS;
            update({
              ...pacing,
              lease: { id: leaseId, kind, tabId, ...(documentId ? { documentId } : {}), expiresAt },
            });
            granted = true;
            return { granted: true, leaseId };
          }
          const rateLimited = pacing.pausedUntil > at;
          // A pause longer than this call may wait: tell the tab when to come back, and why.
          if (rateLimited && pacing.pausedUntil > deadline) {
            return askAgain(pacing.pausedUntil - at, pacing.pausedUntil);
          }
          if (at >= deadline) {
            // Not the whole remaining block: a lease usually ends long before it would lapse.
            const hint = Math.min(Math.max(until - at, MIN_ASK_AGAIN_MS), MAX_ASK_AGAIN_MS);
            return askAgain(rateLimited ? pacing.pausedUntil - at : hint, rateLimited ? pacing.pausedUntil : undefined);
          }
          // Sleep until the slot should be free (or the deadline), but wake early on any release.
          const free = until > at ? until - at : maxWaitMs;
          await Promise.race([sleep(Math.min(free, deadline - at)), wake]);
        }
      } finally {
        const index = queue.indexOf(place);
        if (index >= 0 && (granted || place.withdrawn || place.heldUntil === Number.POSITIVE_INFINITY)) {
          queue.splice(index, 1);
        }
        // The next in line may be able to go now.
        wake();
      }
    },

    /** Takes a slot back with how its request ended, and sets the gap or the pause that follows. */
    async release(leaseId: string, result: RequestResult): Promise<void> {
      const pacing = await current();
      if (pacing.lease?.id !== leaseId) return; // Lapsed already, or never ours: nothing to undo.
      const at = now();
      const kind = pacing.lease.kind;
      const gap = pacing.conversationGapMs ?? START_GAP_MS;
      const floor = pacing.floorGapMs ?? MIN_GAP_MS;
      const jittered = (ms: number) => ms + Math.floor(random() * ms * JITTER_SHARE);
      const next: PacingState = { ...pacing, lease: null };
      const failed = 'failure' in result ? result.failure : result.status >= 500 ? 'server' : undefined;
      if (failed === 'skipped' || failed === 'aborted') {
        // Nothing reached the server, or the page went away: no lesson about its pace.
        next.notBefore = at + (kind === 'conversation' ? gap : SMALL_GAP_MS);
      } else if (failed !== undefined) {
        next.notBefore = at + jittered(ERROR_GAP_MS);
        if (kind === 'conversation') next.conversationGapMs = clampGap(gap * SLOW_DOWN);
      } else if ('status' in result && result.status === 429) {
        const streak = (pacing.rateLimitStreak ?? 0) + 1;
        const fallback = Math.min(DEFAULT_RATE_LIMIT_MS * 2 ** (streak - 1), MAX_DEFAULT_RATE_LIMIT_MS);
        const asked =
          result.retryAfterSeconds === undefined
            ? fallback * (0.8 + 0.4 * random())
            : Math.max(result.retryAfterSeconds * 1000, 1000);
        next.pausedUntil = at + Math.min(asked, MAX_RETRY_AFTER_MS);
        next.rateLimitStreak = streak;
        if (kind === 'conversation') {
          // The pace that met the limit is too fast: settle well below it, and never go back.
          next.floorGapMs = clampGap(Math.max(floor, gap * FLOOR));
          next.conversationGapMs = clampGap(Math.max(gap * SETTLE, next.floorGapMs));
        }
      } else if (kind === 'conversation') {
        const faster = clampGap(Math.max(gap * SPEED_UP, floor));
        next.conversationGapMs = faster;
        next.rateLimitStreak = 0;
        next.notBefore = at + jittered(faster);
      } else {
        next.notBefore = at + jittered(SMALL_GAP_MS);
      }
      update(next);
    },

    /**
     * A tab closed, or one document in it went away (`documentId`; every document of the tab when not given):
     * frees the slot it held and withdraws its places in the queue (a call still waiting for it would be granted
     * a slot nobody uses), so the others need not wait for a lapse.
     */
    async releaseTab(tabId: number, documentId?: string): Promise<void> {
      const gone = (owner: { tabId: number | null; documentId?: string }) =>
        owner.tabId === tabId && (documentId === undefined || owner.documentId === documentId);
      for (const place of queue) {
        if (gone(place)) place.withdrawn = true;
      }
      const pacing = await current();
      if (pacing.lease === null || !gone(pacing.lease)) {
        wake();
        return;
      }
      const gap = pacing.lease.kind === 'conversation' ? (pacing.conversationGapMs ?? START_GAP_MS) : SMALL_GAP_MS;
      update({ ...pacing, lease: null, notBefore: Math.max(pacing.notBefore, now() + gap) });
    },

    /** Until when ChatGPT's rate limit pauses every request (epoch ms), or 0. */
    async rateLimitedUntil(): Promise<number> {
      const pacing = await current();
      return pacing.pausedUntil > now() ? pacing.pausedUntil : 0;
    },
  };
}

/** The background's limiter. */
export type RequestLimiter = ReturnType<typeof createRequestLimiter>;
