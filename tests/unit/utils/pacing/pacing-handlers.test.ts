import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRequestLimiter } from '@/utils/pacing/create-request-limiter';
import { IDLE_PACING, type PacingState, REQUEST_PORT_NAME } from '@/utils/pacing/model';
import { releaseSlotsOfGoneDocuments } from '@/utils/pacing/pacing-handlers';
import { installFakePorts } from '../../../fake-ports';

let state: PacingState;

function limiter() {
  return createRequestLimiter({
    store: {
      load: async () => state,
      save: async (next) => {
        state = next;
      },
    },
    maxWaitMs: 0,
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  state = { ...IDLE_PACING };
});

describe('releaseSlotsOfGoneDocuments', () => {
  it("should free a document's slot when its request port disconnects, and only that document's", async () => {
    const ports = installFakePorts({ tab: { id: 5 }, documentId: 'doc-new', url: 'https://chatgpt.com/' });
    const requests = limiter();
    releaseSlotsOfGoneDocuments(requests);
    // The old document of tab 5 holds the slot; then the new document's port comes and goes.
    await requests.acquire({ kind: 'conversation', timeoutMs: 30_000 }, 5, 'doc-old');
    const fromNew = fakeBrowser.runtime.connect({ name: REQUEST_PORT_NAME });
    fromNew.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.lease).toMatchObject({ tabId: 5, documentId: 'doc-old' });

    // The old document goes away (reload): its port disconnects and the slot is free at once.
    ports.opened.length = 0;
    const ports2 = installFakePorts({ tab: { id: 5 }, documentId: 'doc-old', url: 'https://chatgpt.com/' });
    releaseSlotsOfGoneDocuments(requests);
    fakeBrowser.runtime.connect({ name: REQUEST_PORT_NAME }).disconnect();
    await expect.poll(() => state.lease).toBeNull();
    expect(ports2.opened).toHaveLength(1);
  });

  it('should ignore ports of other names and ports without a tab', async () => {
    installFakePorts({ url: 'chrome-extension://lifeboat/app.html' });
    const requests = limiter();
    releaseSlotsOfGoneDocuments(requests);
    await requests.acquire({ kind: 'conversation', timeoutMs: 30_000 }, null);
    fakeBrowser.runtime.connect({ name: REQUEST_PORT_NAME }).disconnect();
    fakeBrowser.runtime.connect({ name: 'something-else' }).disconnect();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.lease).not.toBeNull();
  });
});
