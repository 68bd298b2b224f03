import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, readArchive } from './extension';
import { conversationIdOf, loadOwnFixtures, type ModelChatGptBackend } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';

// One limiter in the background paces every chatgpt.com request Lifeboat makes, from every tab.

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Adds `count` chats copied from an own fixture, each with its own id and title; returns their ids. */
function addChats(backend: ModelChatGptBackend, count: number): string[] {
  const template = loadOwnFixtures()[1] as Record<string, unknown>;
  return Array.from({ length: count }, (_, index) => {
    const id = `0b7e6f2a-91c4-4d3e-8f5a-${String(index).padStart(12, '0')}`;
    return backend.addConversation({ ...template, id, conversation_id: id, title: `Restored tab ${index + 1}` });
  });
}

describe('pacing chatgpt.com requests across tabs', () => {
  it('should make one request at a time when 20 tabs are restored at once, and store every chat', {
    timeout: 180_000,
  }, async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    // Slow enough that overlapping requests would be seen overlapping.
    backend.setLatency(300);
    const ids = addChats(backend, 20);
    const tabs = await Promise.all(ids.map(() => session?.context.newPage()));
    await Promise.all(tabs.map((tab, index) => tab?.goto(`https://chatgpt.com/c/${ids[index]}`)));

    const popup = await session.openPage('popup.html');
    await expect
      .poll(async () => (await readArchive(popup, 'conversations')).length, { timeout: 150_000, interval: 1000 })
      .toBe(20);
    const conversationRequests = backend.requests.filter((request) =>
      /\/backend-api\/conversation\//.test(request.url),
    );
    expect(conversationRequests).toHaveLength(20);
    expect(backend.maxConcurrentApiRequests()).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('should time out a hung response and retry it until the chat is saved', { timeout: 120_000 }, async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const fixture = loadOwnFixtures()[0] as Record<string, unknown>;
    const id = conversationIdOf(fixture) as string;
    // The first answer never comes in time: the 30 s timeout must end it, and the retry gets the chat.
    backend.addFault(`/backend-api/conversation/${id}`, { delayMs: 45_000 });
    const chat = await session.openChatGpt(`https://chatgpt.com/c/${id}`);
    await expect
      .poll(
        () =>
          chat
            .getByRole('status')
            .filter({ hasText: String(fixture.title) })
            .count(),
        { timeout: 90_000 },
      )
      .toBe(1);
    await expect.poll(() => chat.getByRole('status').textContent()).toMatch(/^Saved to Lifeboat/);
    const sent = backend.requests.filter((request) => request.url.endsWith(`/backend-api/conversation/${id}`));
    expect(sent).toHaveLength(2);
    const popup = await session.openPage('popup.html');
    expect((await readArchive<{ id: string }>(popup, 'conversations')).map((row) => row.id)).toEqual([id]);
  });

  it('should pause every tab on a 429, show the wait in the popup and in the page, then save', {
    timeout: 120_000,
  }, async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const [first, second] = addChats(backend, 2);
    backend.addFault(`/backend-api/conversation/${first}`, { status: 429, retryAfterSeconds: 20 });
    const popup = await session.openPage('popup.html');
    const one = await session.openChatGpt(`https://chatgpt.com/c/${first}`);
    await expect
      .poll(
        () =>
          popup
            .getByRole('status')
            .filter({ hasText: /ChatGPT is limiting requests/ })
            .count(),
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    expect(
      await popup
        .getByRole('status')
        .filter({ hasText: /again in \d+ seconds/ })
        .textContent(),
    ).toMatch(/in (1\d|20) seconds/);
    await expect
      .poll(() => one.getByRole('status').textContent())
      .toMatch(/ChatGPT is limiting requests\. Lifeboat will save this chat in \d+ seconds\./);
    // A second tab opened during the pause waits too: no request goes out until the pause ends.
    const sentBefore = backend.requests.length;
    const two = await session.openChatGpt(`https://chatgpt.com/c/${second}`);
    await two.waitForTimeout(3000);
    expect(backend.requests.slice(sentBefore).filter((request) => /\/(backend-)?api\//.test(request.url))).toEqual([]);
    await expect.poll(async () => (await readArchive(popup, 'conversations')).length, { timeout: 60_000 }).toBe(2);
    await expect
      .poll(() =>
        popup
          .getByRole('status')
          .filter({ hasText: /limiting/ })
          .count(),
      )
      .toBe(0);
    expect(session.errors).toEqual([]);
  });
});
