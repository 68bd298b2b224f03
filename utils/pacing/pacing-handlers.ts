import type { Handlers } from '@/utils/messaging/protocol';
import type { RequestLimiter } from './create-request-limiter';

/** The background's answers to the pacing messages: the limiter, with the tab the browser reports. */
export function createPacingHandlers(
  limiter: RequestLimiter,
): Pick<Handlers<'background'>, 'acquireRequestSlot' | 'releaseRequestSlot'> {
  return {
    acquireRequestSlot: (request, sender) => limiter.acquire(request, sender.tab?.id ?? null),
    releaseRequestSlot: async ({ leaseId, result }) => {
      await limiter.release(leaseId, result);
      return {};
    },
  };
}
