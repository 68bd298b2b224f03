import type { ModelChatGptBackend } from './model-chatgpt/backend';

// A page script that tries to overhear or join the page-hook channel. It is served as the FIRST element of
// chatgpt.com's <head>, the earliest any page script can run: it listens on the window for messages and for
// every event name Lifeboat's two halves use or ever used, tries to take any port it sees, watches the ways a
// hook could send later (MessagePort.postMessage, JSON.stringify), and poses as the hook itself: it says hello
// and offers a port of its own. What it saw is left in `window.__lifeboatSpy`.

/** What the spy saw by the time the test reads it. */
export interface SpyReport {
  /** Events it received that it did not dispatch itself: the type, and for messages their data as JSON. */
  events: string[];
  /** Ports it found on any of those events. */
  ports: number;
  /** Anything that looked like a hook message, from a port or a send it watched. */
  hookMessages: string[];
  /** Whether anyone took the port it offered. */
  offerTaken: boolean;
}

/** Event names the spy listens for: window messages and every name Lifeboat's page hook uses or used. */
export const SPIED_EVENTS = [
  'message',
  'lifeboat:page-hook',
  'lifeboat:content-script',
  'lifeboat:page-hook-hello',
  'lifeboat:page-hook-offer',
];

const SPY = `(() => {
  const spy = { events: [], ports: 0, hookMessages: [], offerTaken: false };
  window.__lifeboatSpy = spy;
  // Its own events, by identity: an answer dispatched while one of them is being dispatched still counts.
  const own = new Set();
  const stringify = JSON.stringify;
  const listen = (port) => { port.onmessage = (m) => spy.hookMessages.push(String(m.data)); };
  for (const name of ${JSON.stringify(SPIED_EVENTS)}) {
    for (const target of [window, document]) {
      target.addEventListener(name, (event) => {
        if (own.has(event)) return;
        spy.events.push(event.type === 'message' ? 'message ' + stringify(event.data) : event.type);
        for (const port of event.ports || []) { spy.ports += 1; listen(port); }
      }, true);
    }
  }
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (...args) {
    spy.hookMessages.push(String(args[0]));
    return post.apply(this, args);
  };
  JSON.stringify = function (...args) {
    const text = stringify.apply(this, args);
    if (typeof text === 'string' && text.includes('"version"')) spy.hookMessages.push(text);
    return text;
  };
  const hello = new Event('lifeboat:page-hook-hello');
  own.add(hello);
  window.dispatchEvent(hello);
  const channel = new MessageChannel();
  listen(channel.port1);
  const offer = new MessageEvent('lifeboat:page-hook-offer', { cancelable: true, ports: [channel.port2] });
  own.add(offer);
  spy.offerTaken = !window.dispatchEvent(offer);
})();`;

/** Leaves out WXT's own window message: every WXT content script announces its start that way. */
export function notFromWxt(events: string[]): string[] {
  return events.filter((event) => !/^message .*wxt:content-script-started/.test(event));
}

/** The model backend with the spy first in the <head> of every page it serves. */
export function withSpy(backend: ModelChatGptBackend): ModelChatGptBackend {
  return {
    ...backend,
    async handle(request) {
      const response = await backend.handle(request);
      if ('abort' in response || !response.headers['content-type']?.startsWith('text/html')) return response;
      return { ...response, body: response.body.replace('<head>', `<head><script>${SPY}</script>`) };
    },
  };
}
