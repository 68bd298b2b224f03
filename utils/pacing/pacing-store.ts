import { storage } from '#imports';
import type { PacingStore } from './create-request-limiter';
import { IDLE_PACING, type PacingState } from './model';

// Session storage: it outlives a stopped service worker but not the browser, which is the right lifetime for a
// pause ChatGPT asked for. Extension pages may read it (the popup shows the pause).
const pacingItem = storage.defineItem<PacingState>('session:pacing', { fallback: IDLE_PACING });

/** The limiter's state in `storage.session`. */
export const sessionPacingStore: PacingStore = {
  load: () => pacingItem.getValue(),
  save: (state) => pacingItem.setValue(state),
};

/** Calls `onChange` with the time ChatGPT's rate limit lifts (epoch ms, 0 when none); returns an unwatch function. */
export function watchRateLimit(onChange: (until: number) => void): () => void {
  // Unreadable session storage: nothing is known to be paused, so nothing is shown.
  pacingItem.getValue().then(
    (state) => onChange(state.pausedUntil),
    () => {},
  );
  return pacingItem.watch((state) => onChange(state?.pausedUntil ?? 0));
}
