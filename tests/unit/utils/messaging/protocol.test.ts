import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type Handlers,
  isAllowedSender,
  ProtocolError,
  registerHandlers,
  sendMessage,
} from '@/utils/messaging/protocol';
import { createRequestLimiter } from '@/utils/pacing/create-request-limiter';
import { IDLE_PACING, type PacingState } from '@/utils/pacing/model';
import { createPacingHandlers } from '@/utils/pacing/pacing-handlers';
import { LifeboatError } from '@/utils/shared/lifeboat-error';
import { buildCapture, FAKE_EXTENSION_ORIGIN, sendMessagesFrom } from '../../../factories';

beforeEach(() => {
  fakeBrowser.reset();
});

const saved = { id: 'conv-test-1', title: 'T', messageCount: 2, outcome: 'created' as const };

function background(overrides: Partial<Handlers<'background'>> = {}): Handlers<'background'> {
  return {
    saveConversation: async () => saved,
    acquireRequestSlot: async () => ({ granted: true, leaseId: 'lease-1' }),
    releaseRequestSlot: async () => ({}),
    downloadConversation: async ({ id }) => ({ downloadId: 7, filename: `${id}.json` }),
    reportPageHook: async () => ({ stored: false }),
    ...overrides,
  };
}

describe('isAllowedSender', () => {
  it.each([
    [{ url: 'https://chatgpt.com/c/1' }, 'extension-or-chatgpt', true],
    [{ url: 'https://chat.openai.com/c/1' }, 'extension-or-chatgpt', true],
    [{ url: `${FAKE_EXTENSION_ORIGIN}app.html` }, 'extension', true],
    [{ url: 'https://chatgpt.com/c/1' }, 'extension', false],
    [{ url: 'https://chatgpt.com.evil.example/c/1' }, 'extension-or-chatgpt', false],
    [{ url: 'http://chatgpt.com/c/1' }, 'extension-or-chatgpt', false],
    [{ url: 'chrome-extension://someone-else/app.html' }, 'extension', false],
    // The frame's URL decides, not the tab's: a foreign iframe inside a chatgpt.com tab is not ChatGPT.
    [{ url: 'https://ads.example/frame', tab: { url: 'https://chatgpt.com/c/1' } }, 'extension-or-chatgpt', false],
    [{}, 'extension-or-chatgpt', false],
  ] as const)('should judge %j sending an %s message as %s', (sender, senders, allowed) => {
    expect(isAllowedSender(sender, senders, FAKE_EXTENSION_ORIGIN)).toBe(allowed);
  });
});

describe('the message protocol', () => {
  it('should deliver a valid request to its handler and return the validated answer', async () => {
    sendMessagesFrom('https://chatgpt.com/c/conv-test-1');
    registerHandlers('background', background());
    await expect(sendMessage('saveConversation', buildCapture())).resolves.toEqual(saved);
  });

  it('should refuse an invalid request before the handler runs, saying which field is wrong', async () => {
    sendMessagesFrom('https://chatgpt.com/c/1');
    let called = false;
    registerHandlers(
      'background',
      background({
        saveConversation: async () => {
          called = true;
          return saved;
        },
      }),
    );
    const bad = { ...buildCapture(), conversationId: '../../etc/passwd' };
    const error = await sendMessage('saveConversation', bad).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/^Refused "saveConversation": conversationId/),
    });
    expect(called).toBe(false);
  });

  it('should refuse a message from a sender it does not allow', async () => {
    sendMessagesFrom('https://chatgpt.com/c/1');
    registerHandlers('background', background());
    await expect(sendMessage('downloadConversation', { id: 'a' })).rejects.toMatchObject({
      code: 'refused',
      message: 'Refused "downloadConversation" from https://chatgpt.com/c/1.',
    });
  });

  it("should carry a handler's error and its code back to the sender", async () => {
    sendMessagesFrom(`${FAKE_EXTENSION_ORIGIN}app.html`);
    registerHandlers(
      'background',
      background({
        downloadConversation: async () => {
          throw new LifeboatError('not-found', 'Conversation a is not in the archive.');
        },
      }),
    );
    const error = await sendMessage('downloadConversation', { id: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 'not-found', message: 'Conversation a is not in the archive.' });
  });

  it("should route each message only to its target's handlers", async () => {
    sendMessagesFrom(`${FAKE_EXTENSION_ORIGIN}app.html`);
    registerHandlers('offscreen', {
      createDownloadUrl: async () => {
        throw new Error('offscreen handler called');
      },
      revokeDownloadUrl: async () => ({ revoked: false }),
    });
    registerHandlers('background', background());
    await expect(sendMessage('downloadConversation', { id: 'a' })).resolves.toEqual({
      downloadId: 7,
      filename: 'a.json',
    });
  });

  it('should ignore messages that are not Lifeboat envelopes', async () => {
    registerHandlers('background', background());
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve('someone else'));
    await expect(fakeBrowser.runtime.sendMessage({ type: 'saveConversation' })).resolves.toBe('someone else');
  });

  it('should answer through sendResponse when the browser passes one', async () => {
    registerHandlers('background', background());
    const replies: unknown[] = [];
    const envelope = { lifeboat: 1, target: 'background', type: 'downloadConversation', data: { id: 'a' } };
    // The typed trigger takes (message, sender); Chrome and Firefox also pass sendResponse.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    const results = await trigger(envelope, { url: `${FAKE_EXTENSION_ORIGIN}app.html` }, (reply: unknown) =>
      replies.push(reply),
    );
    expect(results).toEqual([true]);
    await expect.poll(() => replies).toEqual([{ ok: true, data: { downloadId: 7, filename: 'a.json' } }]);
  });

  it('should reject a malformed answer instead of passing it on', async () => {
    sendMessagesFrom(`${FAKE_EXTENSION_ORIGIN}app.html`);
    registerHandlers(
      'background',
      background({ downloadConversation: async () => ({ downloadId: 7, filename: 1 }) as never }),
    );
    await expect(sendMessage('downloadConversation', { id: 'a' })).rejects.toThrow(
      /answer to "downloadConversation" was malformed/,
    );
  });

  it('should pace by the tab the browser reports, not one the message names', async () => {
    let state: PacingState = { ...IDLE_PACING };
    const limiter = createRequestLimiter({
      store: {
        load: async () => state,
        save: async (next) => {
          state = next;
        },
      },
      maxWaitMs: 0,
    });
    registerHandlers('background', background(createPacingHandlers(limiter)));
    sendMessagesFrom('https://chatgpt.com/c/1', { tabId: 7 });
    const smuggled = { kind: 'conversation', timeoutMs: 30_000, tabId: 99 } as never;
    await expect(sendMessage('acquireRequestSlot', smuggled)).resolves.toMatchObject({ granted: true });
    expect(state.lease).toMatchObject({ tabId: 7, kind: 'conversation' });
    // Tab 99 closing frees nothing; tab 7 closing frees its slot.
    await limiter.releaseTab(99);
    expect(state.lease).not.toBeNull();
    await limiter.releaseTab(7);
    expect(state.lease).toBeNull();
  });

  it('should refuse a slot request whose timeout is out of range', async () => {
    sendMessagesFrom('https://chatgpt.com/c/1');
    registerHandlers('background', background());
    await expect(
      sendMessage('acquireRequestSlot', { kind: 'conversation', timeoutMs: 60 * 60 * 1000 }),
    ).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/^Refused "acquireRequestSlot": timeoutMs/),
    });
  });

  it('should clone what crosses contexts, as the browser does', async () => {
    sendMessagesFrom('https://chatgpt.com/c/conv-test-1');
    let received: unknown;
    registerHandlers(
      'background',
      background({
        saveConversation: async (capture) => {
          received = capture;
          return saved;
        },
      }),
    );
    const capture = buildCapture();
    await sendMessage('saveConversation', capture);
    expect(received).toEqual(capture);
    expect(received).not.toBe(capture);
  });
});
