import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, readArchive, SCREENSHOTS } from './extension';
import { conversationIdOf, loadOwnFixtures } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const fixtures = loadOwnFixtures().map((conversation) => ({
  id: conversationIdOf(conversation) as string,
  title: String(conversation.title),
}));

/** Opens a few chats on the model chatgpt.com so the archive has something to show. */
async function captureSome(active: ExtensionSession, count: number): Promise<void> {
  const chat = await active.openChatGpt('https://chatgpt.com/');
  for (const { id, title } of fixtures.slice(0, count)) {
    await chat.goto(`https://chatgpt.com/c/${id}`);
    await expect.poll(() => chat.getByRole('status').filter({ hasText: title }).count()).toBe(1);
  }
  await chat.close();
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('the popup and the full page', () => {
  it('should show honest empty states and move between sections by keyboard', async () => {
    session = await launchExtension();
    const popup = await session.openPage('popup.html');
    await expect.poll(() => popup.getByRole('heading', { name: 'No chats saved yet' }).count()).toBe(1);

    const app = await session.openPage('app.html');
    const nav = app.getByRole('navigation', { name: 'Lifeboat sections' });
    await expect.poll(() => app.getByRole('heading', { name: 'Your archive is empty' }).count()).toBe(1);
    for (const [section, heading] of [
      ['Prompts', 'Your prompt library is on its way'],
      ['Health', 'ChatGPT health watch is on its way'],
    ] as const) {
      await nav.getByRole('link', { name: new RegExp(`^${section}`) }).focus();
      await app.keyboard.press('Enter');
      await expect.poll(() => app.getByRole('heading', { name: heading }).count()).toBe(1);
      expect(await nav.getByRole('link', { name: new RegExp(`^${section}`) }).getAttribute('aria-current')).toBe(
        'page',
      );
    }
    expect(session.errors).toEqual([]);
  });

  it('should apply settings at once: no notice, then no capture', async () => {
    session = await launchExtension();
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const app = await session.openPage('app.html#settings');
    const notice = app.getByRole('switch', { name: 'Show a notice after saving' });
    await notice.click();
    await expect.poll(() => notice.getAttribute('aria-checked')).toBe('false');

    const chat = await session.openChatGpt(`https://chatgpt.com/c/${fixtures[0]?.id}`);
    await expect.poll(async () => (await readArchive(app, 'conversations')).length).toBe(1);
    expect(await chat.locator('lifeboat-notice').count()).toBe(0);

    const capture = app.getByRole('switch', { name: 'Save chats as you open them' });
    await capture.click();
    await expect.poll(() => capture.getAttribute('aria-checked')).toBe('false');
    await chat.goto(`https://chatgpt.com/c/${fixtures[1]?.id}`);
    await chat.waitForTimeout(1000);
    expect(await readArchive(app, 'conversations')).toHaveLength(1);

    // The popup says saving is paused and offers to turn it back on.
    const popup = await session.openPage('popup.html');
    await popup.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => capture.getAttribute('aria-checked')).toBe('true');
    expect(session.errors).toEqual([]);
  });

  it('should open a saved chat from the popup in the full page', async () => {
    session = await launchExtension();
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    await captureSome(session, 1);
    const popup = await session.openPage('popup.html');
    const [page] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('listitem').filter({ hasText: fixtures[0]?.title }).getByRole('link').first().click(),
    ]);
    await page.waitForLoadState();
    expect(page.url()).toContain(`app.html#archive/${fixtures[0]?.id}`);
    await expect.poll(() => page.getByRole('heading', { name: fixtures[0]?.title }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('link', { name: /Open in ChatGPT/ }).getAttribute('href'))
      .toBe(`https://chatgpt.com/c/${fixtures[0]?.id}`);
  });

  it.each([
    ['en', 'light', 'Open archive', 'Archive'],
    ['en', 'dark', 'Open archive', 'Archive'],
    ['ko', 'light', '보관함 열기', '보관함'],
    ['ko', 'dark', '보관함 열기', '보관함'],
  ] as const)('should look right in %s, %s (screenshots)', async (language, colorScheme, openArchive, archive) => {
    session = await launchExtension({ language, colorScheme });
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const empty = await session.openPage('popup.html');
    await empty.setViewportSize({ width: 380, height: 560 });
    await empty.getByRole('button', { name: openArchive }).waitFor();
    await shoot(empty, `popup-empty-${language}-${colorScheme}`);
    await empty.close();

    await captureSome(session, fixtures.length);
    const chat = await session.openChatGpt(`https://chatgpt.com/c/${fixtures[1]?.id}`);
    await chat.getByRole('status').filter({ hasText: fixtures[1]?.title }).waitFor();
    await shoot(chat, `chatgpt-notice-${language}-${colorScheme}`);
    await chat.close();
    const popup = await session.openPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.getByText(fixtures[0]?.title ?? '', { exact: true }).waitFor();
    await shoot(popup, `popup-${language}-${colorScheme}`);

    const app = await session.openPage('app.html#archive');
    await app.getByRole('heading', { name: archive, level: 1 }).waitFor();
    await app.getByText(fixtures[0]?.title ?? '', { exact: true }).waitFor();
    await shoot(app, `app-archive-${language}-${colorScheme}`);
    await app.goto(app.url().replace('#archive', '#settings'));
    await app.getByRole('switch').first().waitFor();
    await shoot(app, `app-settings-${language}-${colorScheme}`);
    expect(await app.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${language}\\b`));
    expect(session.errors).toEqual([]);
  });
});
