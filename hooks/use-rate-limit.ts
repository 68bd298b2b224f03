import { useEffect, useState } from 'react';
import { watchRateLimit } from '@/utils/pacing/pacing-store';

/** Until when ChatGPT's rate limit pauses Lifeboat's requests (epoch ms), live; 0 when it does not. */
export function useRateLimitedUntil(): number {
  const [until, setUntil] = useState(0);
  useEffect(() => watchRateLimit(setUntil), []);
  return until;
}
