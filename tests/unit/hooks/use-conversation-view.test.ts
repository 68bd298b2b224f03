import { parseHTML } from 'linkedom';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ReadableConversation, readStoredConversation, useConversationView } from '@/hooks/use-conversation-view';
import type { Loadable } from '@/hooks/use-conversations';
import { saveConversation } from '@/utils/conversations/store';
import { db } from '@/utils/db/db';
import { buildCapture, buildRawConversation, FIXED_NOW } from '../../factories';

// The hook runs for real over the app's `db` on fake-indexeddb, rendered into a linkedom DOM.

const roots: Root[] = [];

beforeAll(() => {
  const { window } = parseHTML('<!doctype html><html><body></body></html>');
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
});

afterAll(() => {
  vi.unstubAllGlobals();
});

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
});

afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
});

function Probe({ id, seen }: { id: string; seen: Loadable<ReadableConversation>[] }) {
  seen.push(useConversationView(id));
  return null;
}

function render(id: string): Loadable<ReadableConversation>[] {
  const seen: Loadable<ReadableConversation>[] = [];
  const root = createRoot(document.createElement('div'));
  roots.push(root);
  act(() => root.render(createElement(Probe, { id, seen })));
  return seen;
}

async function eventually(assertion: () => void): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      assertion();
      return;
    } catch (error) {
      if (attempt >= 200) throw error;
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

const latest = <T>(seen: T[]): T => seen[seen.length - 1] as T;

describe('useConversationView', () => {
  it('should read and parse the stored body, and follow a new capture of the chat', async () => {
    const first = buildRawConversation('c1', undefined, { title: 'First' });
    await saveConversation(db, buildCapture(first), { capturedAt: FIXED_NOW, source: 'page' });
    const seen = render('c1');
    expect(seen[0]).toEqual({ loading: true });
    await eventually(() => expect(latest(seen)).toMatchObject({ loading: false, view: { title: 'First' } }));
    const shown = latest(seen);
    expect(shown.loading === false && shown.text).toBe(JSON.stringify(first));

    const again = buildRawConversation('c1', undefined, { title: 'Renamed', update_time: FIXED_NOW / 1000 + 60 });
    await act(() => saveConversation(db, buildCapture(again), { capturedAt: FIXED_NOW + 1, source: 'page' }));
    await eventually(() => expect(latest(seen)).toMatchObject({ loading: false, view: { title: 'Renamed' } }));
  });

  it('should say when nothing is stored', async () => {
    const seen = render('missing');
    await eventually(() => expect(latest(seen)).toEqual({ loading: false, text: undefined, view: undefined }));
  });
});

describe('readStoredConversation', () => {
  it.each(['not json', '[]', '{"title":"no mapping"}', 'null'])('should give undefined for %s', (text) => {
    expect(readStoredConversation(text)).toBeUndefined();
  });
});
