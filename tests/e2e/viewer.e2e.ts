import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, ROOT, readArchive, shoot } from './extension';
import type { ModelChatGptBackend } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';

// The offline viewer on the archive's chat page: a chat captured through the model chatgpt.com, read back from
// IndexedDB and shown from the stored text, with its versions and with hostile text kept inert.

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const BRANCHES = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'chatgpt', 'own-01-branches-ko.json'), 'utf8'),
) as Record<string, unknown> & { id: string; title: string; mapping: Record<string, { message: unknown }> };

/** Opens chat `id` on the model chatgpt.com, waits until Lifeboat has stored it, and opens it in the archive. */
async function captureAndOpen(active: ExtensionSession, id: string): Promise<Page> {
  const chat = await active.openChatGpt(`https://chatgpt.com/c/${id}`);
  const app = await active.openPage('app.html#settings');
  await expect
    .poll(async () => (await readArchive<{ id: string }>(app, 'conversationBodies')).some((row) => row.id === id))
    .toBe(true);
  await chat.close();
  await app.goto(app.url().replace(/#.*$/, `#archive/${id}`));
  return app;
}

/** A copy of the branches fixture under `id`, with the text of the messages in `texts` (node id → text) replaced. */
function variantOf(backend: ModelChatGptBackend, id: string, title: string, texts: Record<string, string>): void {
  const copy = structuredClone({ ...BRANCHES, id, conversation_id: id, title });
  for (const [nodeId, text] of Object.entries(texts)) {
    const message = copy.mapping[nodeId]?.message as { content: { parts: string[] } } | undefined;
    if (message === undefined) throw new Error(`no message ${nodeId} in the fixture`);
    message.content.parts = [text];
  }
  backend.addConversation(copy, id);
}

/** The mapping key of the fixture's node whose id starts with `prefix`. */
function nodeStartingWith(prefix: string): string {
  const found = Object.keys(BRANCHES.mapping).find((key) => key.startsWith(prefix));
  if (found === undefined) throw new Error(`no node ${prefix}…`);
  return found;
}

describe('the conversation viewer', () => {
  it('should show a saved chat offline and switch between the versions of a message', async () => {
    session = await launchExtension({ colorScheme: 'dark' });
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const app = await captureAndOpen(session, BRANCHES.id);

    await expect.poll(() => app.getByRole('heading', { name: BRANCHES.title }).count()).toBe(1);
    const messages = app.getByRole('region', { name: 'Messages' });
    const edited = '나이는 내림차순으로, 나이가 같으면 이름은 가나다순으로 정렬하고 싶어.';
    await expect.poll(() => messages.getByText(edited).isVisible()).toBe(true);
    await expect.poll(() => messages.getByText('내림차순으로 하려면?').count()).toBe(0);
    // Assistant turns carry their role and model; the answer's code fence is code with a Copy code button.
    expect(await messages.getByRole('article', { name: 'ChatGPT' }).count()).toBeGreaterThan(1);
    expect(await messages.getByRole('button', { name: 'Copy code' }).count()).toBeGreaterThan(0);
    expect(await messages.locator('.model-badge').count()).toBeGreaterThan(0);
    await shoot(app, 'viewer-branches-dark', { publish: true });

    // By keyboard: the first fork's "Previous version" shows the other prompt and its answer.
    const previous = messages.getByRole('button', { name: 'Previous version' }).first();
    await previous.focus();
    await app.keyboard.press('Enter');
    await expect.poll(() => messages.getByText('내림차순으로 하려면?').isVisible()).toBe(true);
    await expect.poll(() => messages.getByText(edited).count()).toBe(0);
    expect(await messages.getByText('Version 1 of 2').count()).toBe(1);
    expect(await app.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Previous version');

    // Back, then the second fork: its second answer.
    await messages.getByRole('button', { name: 'Next version' }).first().click();
    await expect.poll(() => messages.getByText(edited).isVisible()).toBe(true);
    await messages.getByRole('button', { name: 'Previous version' }).nth(1).click();
    await expect.poll(() => messages.getByText('Version 2 of 3').count()).toBe(1);
    await expect.poll(() => messages.getByText(/파이썬의 정렬은 안정 정렬이라/).isVisible()).toBe(true);

    // The hidden system message appears with the switch on.
    const hidden = messages.getByRole('switch', { name: 'Show hidden messages' });
    const before = await messages.getByRole('article').count();
    await hidden.click();
    await expect.poll(() => messages.getByRole('article').count()).toBeGreaterThan(before);
    await expect.poll(() => messages.getByText('Hidden in ChatGPT').count()).toBeGreaterThan(0);

    // The whole stored text, as text.
    await messages.getByText('Raw JSON', { exact: true }).click();
    const stored = await readArchive<{ id: string; text: string }>(app, 'conversationBodies');
    expect(await messages.locator('.viewer__raw pre').textContent()).toBe(stored[0]?.text);
    expect(session.errors).toEqual([]);
  });

  it('should show HTML and javascript: links in a chat as inert text (Korean)', async () => {
    session = await launchExtension({ language: 'ko' });
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const id = '0b7c1d2e-3f40-4a51-8b62-7c83d94e0f15';
    const payload = [
      'Payload <img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
      '[link](javascript:window.__xss=3)',
      '<svg onload="window.__xss=4"></svg> <iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
      '![pic](data:image/svg+xml,<svg onload=window.__xss=6>)',
    ].join('\n\n');
    // The payload in the user's message (plain text) and in the current answer (Markdown).
    variantOf(backend, id, 'XSS 확인', {
      [nodeStartingWith('49c44aa9')]: payload,
      [nodeStartingWith('e4e7ad63')]: payload,
    });
    const app = await captureAndOpen(session, id);
    const messages = app.getByRole('region', { name: '메시지' });
    await expect.poll(() => messages.getByRole('article').count()).toBeGreaterThan(2);
    await expect.poll(() => app.getByRole('button', { name: '이전 버전' }).count()).toBeGreaterThan(0);

    const answer = messages.getByRole('article', { name: 'ChatGPT' }).last();
    for (const part of ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>']) {
      await expect.poll(() => answer.getByText(part, { exact: false }).isVisible()).toBe(true);
    }
    expect(await messages.locator('img, script, svg, iframe').count()).toBe(0);
    const link = answer.getByText('link', { exact: true });
    expect(await link.evaluate((node) => node.closest('a')?.getAttribute('href') ?? null)).toBeNull();
    await link.click();
    // Every remaining link in chat text is an http(s)/mailto one that opens apart from the page.
    for (const anchor of await messages.locator('.lb-markdown a').all()) {
      expect(await anchor.getAttribute('href')).toMatch(/^(https?|mailto):/);
      expect(await anchor.getAttribute('rel')).toBe('noopener noreferrer');
    }
    const user = messages.getByRole('article', { name: '나' }).last();
    await expect
      .poll(() => user.getByText('[link](javascript:window.__xss=3)', { exact: false }).isVisible())
      .toBe(true);
    await app.waitForTimeout(300);
    expect(await app.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await shoot(app, 'viewer-xss-ko');
    expect(session.errors).toEqual([]);
  });
});
