import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, readArchive } from './extension';
import { conversationIdOf, loadOwnFixtures, loadSharedFixtures } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function fixtureById(index: number) {
  const conversation = loadOwnFixtures()[index];
  if (conversation === undefined) throw new Error(`no own fixture ${index}`);
  const id = conversationIdOf(conversation);
  if (id === undefined) throw new Error(`own fixture ${index} has no id`);
  return { id, conversation, title: String(conversation.title) };
}

describe('capturing a conversation in Chromium', () => {
  it('should list a chat opened on chatgpt.com in the popup, stored byte for byte as served', async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const { id, title } = fixtureById(0);
    // A body a parse-and-serialise round trip would change: an integer-like key after others, a big integer.
    const served = backend.servedBody(id).replace(/}$/, ',"b":1,"10":12345678901234567890}');
    backend.setServedBody(id, served);

    const chat = await session.openChatGpt(`https://chatgpt.com/c/${id}`);
    // The page says, in its own corner, that the chat is now safe.
    await expect.poll(() => chat.getByRole('status').filter({ hasText: title }).count()).toBe(1);

    const popup = await session.openPage('popup.html');
    await expect
      .poll(() =>
        popup
          .getByRole('button', { name: title })
          .or(popup.getByRole('link', { name: title }))
          .count(),
      )
      .toBe(1);

    const [stored] = await readArchive<Record<string, unknown>>(popup, 'conversations');
    expect(stored?.id).toBe(id);
    // List rows stay small: the body lives in its own table, as the exact text served.
    expect(Object.keys(stored ?? {})).not.toContain('raw');
    const [body] = await readArchive<{ id: string; text: string; exact: boolean }>(popup, 'conversationBodies');
    expect(body).toEqual({ id, text: served, exact: true });
    expect(
      backend.requests.find((r) => r.url.endsWith(`/backend-api/conversation/${id}`))?.headers.authorization,
    ).toMatch(/^Bearer /);
    expect(session.errors).toEqual([]);
  });

  it('should list chats newest first, live, as more are opened', async () => {
    session = await launchExtension();
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const popup = await session.openPage('popup.html');
    const fixtures = [fixtureById(1), fixtureById(2), fixtureById(4)];
    const chat = await session.openChatGpt('https://chatgpt.com/');
    for (const { id, title } of fixtures) {
      await chat.goto(`https://chatgpt.com/c/${id}`);
      // Requests are paced (a second between two chats), so each one may take a moment.
      await expect.poll(() => popup.getByText(title, { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    }
    const rows = await readArchive<{ title: string; updatedAt: number }>(popup, 'conversations');
    const newestFirst = [...rows].sort((a, b) => b.updatedAt - a.updatedAt).map((row) => row.title);
    const shown = await popup.getByRole('list').first().getByRole('listitem').allInnerTexts();
    expect(newestFirst.map((title) => shown.findIndex((text) => text.includes(title)))).toEqual([0, 1, 2]);
    expect(session.errors).toEqual([]);
  });

  it('should capture a custom GPT chat at /g/<gizmo>/c/<id> and on chat.openai.com', async () => {
    session = await launchExtension();
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const gpt = fixtureById(2);
    const legacy = fixtureById(4);
    const page = await session.openChatGpt(`https://chatgpt.com/g/g-model-gpt/c/${gpt.id}`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: gpt.title }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.goto(`https://chat.openai.com/c/${legacy.id}`);
    const popup = await session.openPage('popup.html');
    await expect
      .poll(async () => (await readArchive<{ id: string }>(popup, 'conversations')).map((r) => r.id).sort(), {
        timeout: 10_000,
      })
      .toEqual([gpt.id, legacy.id].sort());
  });

  it('should follow ChatGPT’s in-app navigation (history.pushState) to the next chat', async () => {
    session = await launchExtension();
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const [one, two] = [fixtureById(0), fixtureById(1)];
    const page = await session.openChatGpt(`https://chatgpt.com/c/${one.id}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: one.title }).count()).toBe(1);
    // ChatGPT switches chats without loading a page: only the URL changes.
    await page.evaluate((id) => history.pushState({}, '', `/c/${id}`), two.id);
    await expect.poll(() => page.getByRole('status').filter({ hasText: two.title }).count(), { timeout: 5000 }).toBe(1);
    const popup = await session.openPage('popup.html');
    expect((await readArchive<{ id: string }>(popup, 'conversations')).map((row) => row.id).sort()).toEqual(
      [one.id, two.id].sort(),
    );
  });

  it('should keep capturing when a page script forges WXT\'s "newer copy started" event', async () => {
    session = await launchExtension();
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const [one, two] = [fixtureById(0), fixtureById(1)];
    const page = await session.openChatGpt(`https://chatgpt.com/c/${one.id}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: one.title }).count()).toBe(1);
    // A page that learned the extension id tells WXT's context that a newer copy of the script started.
    await page.evaluate((extensionId) => {
      document.dispatchEvent(
        new CustomEvent(`${extensionId}:chatgpt:wxt:content-script-started`, {
          detail: { contentScriptName: 'chatgpt', messageId: 'forged' },
        }),
      );
    }, session.extensionId);
    await page.evaluate((id) => history.pushState({}, '', `/c/${id}`), two.id);
    await expect.poll(() => page.getByRole('status').filter({ hasText: two.title }).count()).toBe(1);
    expect(session.errors).toEqual([]);
  });

  const shared = loadSharedFixtures();
  it.skipIf(!shared.available)(
    `should store every real conversation in ../shared/fixtures losslessly${shared.available ? '' : ` (skipped: ${shared.reason})`}`,
    async () => {
      session = await launchExtension();
      const backend = await installModelChatGpt(session.context, { includeSharedFixtures: true });
      const ids = shared.conversations.map((c) => conversationIdOf(c) as string);
      const page = await session.openChatGpt('https://chatgpt.com/');
      for (const id of ids) {
        await page.goto(`https://chatgpt.com/c/${id}`);
        await expect
          .poll(() => page.getByRole('status').filter({ hasText: 'Saved to Lifeboat' }).count(), { timeout: 10_000 })
          .toBe(1);
      }
      const popup = await session.openPage('popup.html');
      await expect.poll(async () => (await readArchive(popup, 'conversations')).length).toBe(ids.length);
      const rows = await readArchive<{ id: string; messageCount: number }>(popup, 'conversations');
      const bodies = new Map(
        (await readArchive<{ id: string; text: string }>(popup, 'conversationBodies')).map((body) => [
          body.id,
          body.text,
        ]),
      );
      for (const row of rows) {
        expect(bodies.get(row.id) === backend.servedBody(row.id), `${row.id} stored byte for byte`).toBe(true);
        expect(row.messageCount, row.id).toBeGreaterThan(0);
      }
      expect(session.errors).toEqual([]);
    },
  );
});
