import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's fakeBrowser leaves `browser.downloads` unimplemented: this stands in for it with a list of download items
// whose state the test moves on, firing `onChanged` the way the browser does (state first, then the event).

type DownloadItem = Browser.downloads.DownloadItem;
type Listener<A extends unknown[]> = (...args: A) => void;

/** A minimal `events.Event` whose listeners the test can fire. */
function fakeEvent<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    addListener: (listener: Listener<A>) => void listeners.add(listener),
    removeListener: (listener: Listener<A>) => void listeners.delete(listener),
    hasListener: (listener: Listener<A>) => listeners.has(listener),
    hasListeners: () => listeners.size > 0,
    fire: (...args: A) => {
      for (const listener of [...listeners]) listener(...args);
    },
    /** How many listeners are registered. */
    count: () => listeners.size,
  };
}

export interface FakeDownloads {
  /** The browser's download list, by id. */
  items: Map<number, DownloadItem>;
  /** What `download()` was asked for, in order. */
  requests: Browser.downloads.DownloadOptions[];
  onChanged: ReturnType<typeof fakeEvent<[Browser.downloads.DownloadDelta]>>;
  onErased: ReturnType<typeof fakeEvent<[number]>>;
  /** Adds an item as if a download had started (e.g. one a previous worker started). */
  add(item: Partial<DownloadItem> & { id: number }): DownloadItem;
  /** Ends a download: sets its state (and final path or error), then fires `onChanged`. */
  end(id: number, ending: { state: 'complete'; filename?: string } | { state: 'interrupted'; error: string }): void;
  /** Runs before `search` answers, with the answer already taken: for races between a look-up and an event. */
  beforeSearchAnswers?: () => void;
}

/** Installs a fresh fake `browser.downloads` on fakeBrowser; call it in `beforeEach`. */
export function installFakeDownloads(): FakeDownloads {
  let nextId = 1;
  const fake: FakeDownloads = {
    items: new Map(),
    requests: [],
    onChanged: fakeEvent(),
    onErased: fakeEvent(),
    add(item) {
      const full = {
        filename: '',
        state: 'in_progress',
        url: '',
        mime: 'application/json',
        ...item,
      } as DownloadItem;
      fake.items.set(item.id, full);
      nextId = Math.max(nextId, item.id + 1);
      return full;
    },
    end(id, ending) {
      const item = fake.items.get(id);
      if (item === undefined) throw new Error(`no download ${id}`);
      const previous = item.state;
      Object.assign(item, ending);
      fake.onChanged.fire({ id, state: { previous, current: ending.state } });
    },
  };
  Object.assign(fakeBrowser.downloads, {
    onChanged: fake.onChanged,
    onErased: fake.onErased,
    async download(options: Browser.downloads.DownloadOptions) {
      fake.requests.push(options);
      const id = nextId++;
      fake.add({ id, url: options.url, filename: `/home/me/Downloads/${options.filename ?? 'download'}` });
      return id;
    },
    async search(query: Browser.downloads.DownloadQuery) {
      const answer = [...fake.items.values()]
        .filter((item) => query.id === undefined || item.id === query.id)
        .map((item) => ({ ...item }));
      fake.beforeSearchAnswers?.();
      return answer;
    },
  });
  return fake;
}
