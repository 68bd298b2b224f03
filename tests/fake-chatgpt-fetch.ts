import { createChatGptApi } from '@/utils/capture/chatgpt-api';
import type { RequestGate } from '@/utils/capture/request-gate';
import type { RequestKind, RequestResult } from '@/utils/pacing/model';

// A stand-in for chatgpt.com's fetch in unit tests: answers by path from queues of responses and records every
// request with its headers. The real client (createChatGptApi) runs on top of it.

/** A response, or a function making one (to throw, or to build it late). */
export type FakeAnswer = Response | (() => Response | Promise<Response>);

/** A JSON response, as chatgpt.com sends them. */
export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json', ...init.headers } });

/** The signed-in session the fake answers with by default; the token is checked for leaks. */
export const FAKE_SESSION = {
  accessToken: 'secret-token-1',
  expires: '2027-01-01',
  user: { id: 'u1', name: 'Min', email: 'm@x' },
};

/** A gate that grants every slot at once and records each request's kind and how it ended. */
export function openGate(): RequestGate & { leases: { kind: RequestKind; result?: RequestResult }[] } {
  const leases: { kind: RequestKind; result?: RequestResult }[] = [];
  return {
    leases,
    async acquire(kind) {
      const lease: { kind: RequestKind; result?: RequestResult } = { kind };
      leases.push(lease);
      return {
        release(result) {
          if (lease.result !== undefined) throw new Error('A lease was released twice.');
          lease.result = result;
        },
      };
    },
  };
}

/**
 * A real chatgpt.com client over a fake fetch. Each path answers from its queue, the last answer repeating;
 * `cookies` is what `document.cookie` would say, and may change between calls. Requests go through `gate`
 * (one that grants at once unless given).
 */
export function fakeChatGpt(
  routes: Record<string, FakeAnswer[]>,
  cookies: () => string = () => '',
  gate: RequestGate = openGate(),
) {
  const calls: { path: string; headers: Record<string, string> }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ path: url.pathname, headers: { ...(init?.headers as Record<string, string>) } });
    const queue = routes[url.pathname];
    const answer = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (answer === undefined) return new Response('{"detail":"Not Found"}', { status: 404 });
    return typeof answer === 'function' ? answer() : answer.clone();
  }) as typeof globalThis.fetch;
  const api = createChatGptApi({ fetch, origin: 'https://chatgpt.com', readCookies: cookies, gate });
  return { api, calls, gate };
}
