import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './extension';
import { conversationIdOf, loadOwnFixtures } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('downloading a conversation (Chrome offscreen path)', () => {
  it('should save the raw JSON the archive holds as a file in Downloads', async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const conversation = loadOwnFixtures()[1] as Record<string, unknown>;
    const id = conversationIdOf(conversation) as string;
    const title = String(conversation.title);
    const chat = await session.openChatGpt(`https://chatgpt.com/c/${id}`);
    await expect.poll(() => chat.getByRole('status').filter({ hasText: title }).count()).toBe(1);

    const app = await session.openPage('app.html#archive');
    const row = app.getByRole('listitem').filter({ hasText: title });
    // Each row's button names its chat, so a screen reader can tell the rows' buttons apart.
    await row.getByRole('button', { name: new RegExp(`^Download JSON\\W+${title}$`) }).click();
    await expect
      .poll(() =>
        app
          .getByRole('status')
          .filter({ hasText: /Saved “[^/”]+\.json”/ })
          .count(),
      )
      .toBe(1);

    const file = await app.evaluate(async () => {
      for (;;) {
        const [item] = await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
        if (item?.state === 'complete') return { path: item.filename, mime: item.mime };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    expect(file.mime).toBe('application/json');
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual(JSON.parse(backend.servedBody(id)));
    expect(session.errors).toEqual([]);
  });
});
