import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ReadableConversation, readStoredConversation, useConversationView } from '@/hooks/use-conversation-view';
import type { Loadable } from '@/hooks/use-conversations';
import { saveConversation } from '@/utils/conversations/store';
import { db } from '@/utils/db/db';
import { buildCapture, buildRawConversation, FIXED_NOW } from '../../factories';
import { eventually, hookRenderer, installLinkedomDom } from '../../react-dom';

// The hook runs for real over the app's `db` on fake-indexeddb, rendered into a linkedom DOM.

installLinkedomDom();
const renderHook = hookRenderer();

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
});

/** Every value the hook gave for chat `id`, render after render. */
function render(id: string): Loadable<ReadableConversation>[] {
  return renderHook(() => useConversationView(id)).all;
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
