import { z } from 'zod';

// One limiter in the background paces every chatgpt.com request Lifeboat makes, from every tab: a tab asks for
// a slot, makes its one request, and reports how it went. ChatGPT rate-limits per user, not per tab, so twenty
// tabs restored at once must queue behind each other, and a 429 in one of them pauses them all.

/** What a request is for; small ones (session, account list) need a shorter gap than a whole conversation. */
export const RequestKindSchema = z.enum(['session', 'accounts', 'conversation']);
export type RequestKind = z.infer<typeof RequestKindSchema>;

/** The longest a tab may hold a slot for one request; its own timeout is shorter. */
export const MAX_REQUEST_TIMEOUT_MS = 5 * 60 * 1000;

/** The longest Lifeboat honours a `Retry-After`: a broken header must not silence it for a day. */
export const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

/** A tab asks for the next slot; `timeoutMs` is how long its request may take at most. */
export const AcquireSlotSchema = z.object({
  kind: RequestKindSchema,
  timeoutMs: z.number().int().min(1000).max(MAX_REQUEST_TIMEOUT_MS),
  /** The place in the queue an earlier "ask again" answer kept for this tab, so asking again keeps its turn. */
  place: z.string().min(1).max(100).optional(),
});
export type AcquireSlot = z.infer<typeof AcquireSlotSchema>;

/** The answer: a lease to make one request now, or how long to wait before asking again. */
export const SlotAnswerSchema = z.discriminatedUnion('granted', [
  z.object({ granted: z.literal(true), leaseId: z.string().min(1) }),
  z.object({
    granted: z.literal(false),
    waitMs: z.number().min(0),
    /** Set while ChatGPT's rate limit pauses every request: when they resume, epoch ms. */
    rateLimitedUntil: z.number().optional(),
    /** The tab's place in the queue, kept for it until a little after `waitMs`: pass it when asking again. */
    place: z.string().optional(),
  }),
]);
export type SlotAnswer = z.infer<typeof SlotAnswerSchema>;

/** How the request made under a lease ended; `skipped` when the tab decided not to send it after all. */
export const RequestResultSchema = z.union([
  z.object({ status: z.number().int().min(0).max(999), retryAfterSeconds: z.number().min(0).optional() }),
  z.object({ failure: z.enum(['timeout', 'network', 'aborted', 'skipped']) }),
]);
export type RequestResult = z.infer<typeof RequestResultSchema>;

/** A tab hands its slot back with the result. */
export const ReleaseSlotSchema = z.object({ leaseId: z.string().min(1), result: RequestResultSchema });
export type ReleaseSlot = z.infer<typeof ReleaseSlotSchema>;

/** The limiter's state, kept in session storage so a stopped service worker resumes it. */
export interface PacingState {
  /** No request starts before this time (epoch ms): the gap after the last one. */
  notBefore: number;
  /** Every request waits until this time (epoch ms) after a 429; 0 when not rate limited. */
  pausedUntil: number;
  /** The slot in use, if any; it lapses at `expiresAt` even if its tab never reports back. */
  lease: { id: string; kind: RequestKind; tabId: number | null; documentId?: string; expiresAt: number } | null;
  /**
   * The gap between two conversation requests now, learned from the server's answers (absent in state from an
   * older version: the starting gap then).
   */
  conversationGapMs?: number;
  /** The gap the pace may not go below again: a little slower than the one that last met a 429. */
  floorGapMs?: number;
  /** 429s in a row without a clean answer between them: each doubles the pause when no Retry-After is given. */
  rateLimitStreak?: number;
}

/**
 * A content script keeps a runtime port of this name open while it waits for a slot or holds one: when its
 * document goes away (reload, navigation, closed tab) the port disconnects and the background frees what it held.
 */
export const REQUEST_PORT_NAME = 'lifeboat:request-slot';

/** The state of a fresh limiter. */
export const IDLE_PACING: PacingState = { notBefore: 0, pausedUntil: 0, lease: null };
