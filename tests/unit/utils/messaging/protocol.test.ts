import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { protocol, registerHandlers, sendMessage } from '@/utils/messaging/protocol';
import { buildCapture } from '../../../factories';

beforeEach(() => {
  fakeBrowser.reset();
});

const offscreenNeverCalled = {
  createDownloadUrl: async () => {
    throw new Error('offscreen handler called');
  },
  revokeDownloadUrl: async () => ({ revoked: false }),
};

describe('the message protocol', () => {
  it('should deliver a valid request to its handler and return the validated answer', async () => {
    registerHandlers('background', {
      saveConversation: async (capture) => ({ id: capture.conversationId, title: 'T', messageCount: 2 }),
      downloadConversation: async ({ id }) => ({ filename: `${id}.json` }),
    });
    await expect(sendMessage('saveConversation', buildCapture())).resolves.toEqual({
      id: 'conv-test-1',
      title: 'T',
      messageCount: 2,
    });
  });

  it('should refuse an invalid request before the handler runs, saying which field is wrong', async () => {
    let called = false;
    registerHandlers('background', {
      saveConversation: async () => {
        called = true;
        return { id: 'x', title: '', messageCount: 0 };
      },
      downloadConversation: async () => ({ filename: '' }),
    });
    const bad = { ...buildCapture(), conversationId: '../../etc/passwd' };
    await expect(sendMessage('saveConversation', bad)).rejects.toThrow(/Refused "saveConversation": conversationId/);
    expect(called).toBe(false);
  });

  it("should carry a handler's error back to the sender", async () => {
    registerHandlers('background', {
      saveConversation: async () => {
        throw new Error('Conversation x was not saved: `mapping` is missing.');
      },
      downloadConversation: async () => ({ filename: '' }),
    });
    await expect(sendMessage('saveConversation', buildCapture())).rejects.toThrow('`mapping` is missing');
  });

  it("should route each message only to its target's handlers", async () => {
    registerHandlers('offscreen', offscreenNeverCalled);
    registerHandlers('background', {
      saveConversation: async () => ({ id: 'a', title: '', messageCount: 0 }),
      downloadConversation: async () => ({ filename: 'f.json' }),
    });
    await expect(sendMessage('downloadConversation', { id: 'a' })).resolves.toEqual({ filename: 'f.json' });
  });

  it('should ignore messages that are not Lifeboat envelopes', async () => {
    registerHandlers('offscreen', offscreenNeverCalled);
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve('someone else'));
    await expect(fakeBrowser.runtime.sendMessage({ type: 'createDownloadUrl' })).resolves.toBe('someone else');
  });

  it('should reject a malformed answer instead of passing it on', async () => {
    registerHandlers('background', {
      saveConversation: async () => ({ id: 1 }) as never,
      downloadConversation: async () => ({ filename: '' }),
    });
    await expect(sendMessage('saveConversation', buildCapture())).rejects.toThrow(
      /answer to "saveConversation" was malformed/,
    );
  });

  it('should name a target for every message', () => {
    for (const spec of Object.values(protocol)) expect(['background', 'offscreen']).toContain(spec.target);
  });
});
