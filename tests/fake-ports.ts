import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's fakeBrowser has no runtime ports. This adds the two ends Lifeboat uses: `runtime.onConnect` in the
// background and `runtime.connect` in a content script, joined in memory.

type Listener = (...args: unknown[]) => void;

/** A minimal browser event. */
function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    fire: (...args: unknown[]) => {
      for (const listener of [...listeners]) listener(...args);
    },
    count: () => listeners.size,
  };
}

/** One side of a port; `disconnect` fires the other side's onDisconnect, as the browser does. */
export interface FakePort {
  name: string;
  sender?: { tab?: { id?: number }; documentId?: string; url?: string };
  onDisconnect: ReturnType<typeof fakeEvent>;
  onMessage: ReturnType<typeof fakeEvent>;
  disconnect(): void;
  postMessage(message: unknown): void;
}

/**
 * Installs `runtime.onConnect` and `runtime.connect`. Ports opened by `connect` reach the background's listeners
 * as if sent from `sender`; `opened` lists the background's ends.
 */
export function installFakePorts(sender: FakePort['sender'] = { tab: { id: 1 }, url: 'https://chatgpt.com/' }) {
  const onConnect = fakeEvent();
  const opened: FakePort[] = [];
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  runtime.onConnect = onConnect;
  runtime.connect = ({ name }: { name: string }) => {
    const make = (withSender?: FakePort['sender']): FakePort => ({
      name,
      sender: withSender,
      onDisconnect: fakeEvent(),
      onMessage: fakeEvent(),
      disconnect: () => {},
      postMessage: () => {},
    });
    const client = make();
    const background = make(sender);
    client.disconnect = () => background.onDisconnect.fire(background);
    background.disconnect = () => client.onDisconnect.fire(client);
    opened.push(background);
    onConnect.fire(background);
    return client;
  };
  return { onConnect, opened };
}
