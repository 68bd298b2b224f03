import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, readArchive, shoot } from './extension';
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

/**
 * Writes copies of the first captured chat straight into IndexedDB, past Dexie: the page's live queries do not
 * notice them until they next ask.
 */
async function copyCapturedRow(page: Page, copies: { id: string; title: string; updatedAt: number }[]): Promise<void> {
  await page.evaluate(
    (copies) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('conversations', 'readwrite').objectStore('conversations');
          const all = store.getAll();
          all.onsuccess = () => {
            const [original] = all.result as object[];
            for (const copy of copies) store.put({ ...original, ...copy });
            store.transaction.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        };
      }),
    copies,
  );
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

    // A chat Lifeboat does not have: the page says so, names the tab, and links to the chat on chatgpt.com.
    await app.goto(app.url().replace(/#.*$/, '#archive/not-saved-yet'));
    await expect.poll(() => app.getByRole('heading', { name: "This chat isn't in your archive" }).count()).toBe(2);
    expect(await app.getByRole('link', { name: /^Open it in ChatGPT/ }).getAttribute('href')).toBe(
      'https://chatgpt.com/c/not-saved-yet',
    );
    await expect.poll(() => app.title()).toBe("This chat isn't in your archive · Lifeboat");
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

    // With saving off there is no notice to show: its switch is disabled, still focusable, and says why.
    await expect.poll(() => notice.getAttribute('aria-disabled')).toBe('true');
    expect(await notice.evaluate((element) => element.getAttribute('aria-describedby') !== null)).toBe(true);
    const description = await notice.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(description).toContain('A short “Saved to Lifeboat: …” note appears on chatgpt.com.');
    expect(description).toContain('Turn on “Save chats as you open them” to use this.');
    await notice.focus();
    await app.keyboard.press('Space');
    await notice.click({ force: true });

    // The popup says saving is paused and offers to turn it back on; its banner goes, and focus moves to the
    // popup's main button instead of dropping to <body>.
    const popup = await session.openPage('popup.html');
    const popupTurnOn = popup.getByRole('button', { name: 'Turn on' });
    await popupTurnOn.click();
    await expect.poll(() => capture.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => notice.getAttribute('aria-disabled')).toBe(null);
    await expect.poll(() => popupTurnOn.count()).toBe(0);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Open archive');

    // Long after any storage round-trip the Space and the click above could have started, the notice is still
    // off, on screen and as stored (read back after a reload).
    expect(await notice.getAttribute('aria-checked')).toBe('false');
    await app.reload();
    expect(await notice.getAttribute('aria-checked')).toBe('false');

    // The archive's banner does the same, and focus moves to the page's heading.
    await capture.click();
    await expect.poll(() => capture.getAttribute('aria-checked')).toBe('false');
    await app.goto(app.url().replace('#settings', '#archive'));
    const archiveTurnOn = app.getByRole('button', { name: 'Turn on' });
    await archiveTurnOn.click();
    await expect.poll(() => archiveTurnOn.count()).toBe(0);
    expect(await app.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe(
      'H1 Archive',
    );
    expect(session.errors).toEqual([]);
  });

  it('should open a saved chat from the popup in the full page, and reuse that tab afterwards', async () => {
    session = await launchExtension();
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    await captureSome(session, 3);
    const popup = await session.openPage('popup.html');

    // The popup lists the chats ChatGPT updated last, first, and says so.
    const list = popup.getByRole('list', { name: 'Newest chats' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    const stored = await readArchive<{ title: string; updatedAt: number }>(popup, 'conversations');
    const newestFirst = stored.sort((a, b) => b.updatedAt - a.updatedAt).map((row) => row.title);
    expect(await list.getByRole('link').allTextContents()).toEqual(newestFirst);

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
    // The browser tab is named after the chat.
    await expect.poll(() => page.title()).toBe(`${fixtures[0]?.title} · Lifeboat`);

    // With the app open, the popup's buttons bring that tab back (tabs.query on our own URLs needs no
    // `tabs` permission in Chrome) instead of opening one more.
    let opened = 0;
    session.context.on('page', () => {
      opened += 1;
    });
    for (const [button, hash, heading] of [
      ['Open archive', '#archive', 'Archive'],
      ['Settings', '#settings', 'Settings'],
    ] as const) {
      const again = await session.openPage('popup.html');
      opened = 0;
      await again.getByRole('button', { name: button, exact: true }).click();
      await expect.poll(() => page.url()).toMatch(new RegExp(`app\\.html${hash}$`));
      await expect.poll(() => page.getByRole('heading', { name: heading, level: 1 }).count()).toBe(1);
      expect(opened).toBe(0);
    }
    expect(session.errors).toEqual([]);
  });

  it('should keep a very long title on one row: ellipsized, fully named, with its buttons in view', async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const id = '0b5e7c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6';
    // One 200-character word, then words up to 400 characters.
    const title = `${'Z'.repeat(200)} ${'very long title '.repeat(13)}`.slice(0, 400);
    backend.addConversation({ ...loadOwnFixtures()[1], title, conversation_id: id, id, is_archived: true });
    await captureSome(session, 1);
    const chat = await session.openChatGpt(`https://chatgpt.com/c/${id}`);
    const app = await session.openPage('app.html#archive');
    await expect.poll(async () => (await readArchive(app, 'conversations')).length).toBe(2);
    await chat.close();

    const row = app.getByRole('listitem').filter({ has: app.locator(`[data-conversation-id="${id}"]`) });
    // The accessible name is the whole title, however much of it is drawn.
    await expect.poll(() => row.getByRole('link', { name: title, exact: true }).count()).toBe(1);
    expect(await row.getByText('Archived in ChatGPT').count()).toBe(1);
    for (const width of [1280, 700, 480, 420]) {
      await app.setViewportSize({ width, height: 800 });
      const box = await row.getByRole('button', { name: /^Download JSON/ }).boundingBox();
      expect(box, `at ${width} px`).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), `at ${width} px`).toBeLessThanOrEqual(width);
      expect(await app.evaluate(() => document.documentElement.scrollWidth), `at ${width} px`).toBeLessThanOrEqual(
        width,
      );
      if (width === 480) await shoot(app, 'app-archive-long-title-480');
    }

    // The chat's own page shows the whole title, the archived marker, and names the tab after it.
    await row.getByRole('link', { name: title, exact: true }).click();
    await expect.poll(() => app.getByRole('heading', { name: title, level: 1 }).count()).toBe(1);
    expect(await app.getByText('Archived in ChatGPT').count()).toBe(1);
    await expect.poll(() => app.title()).toBe(`${title} · Lifeboat`);
    expect(await app.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);

    // The popup ends the title with "…" inside its row instead of cutting it at the window's edge.
    const popup = await session.openPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 560 });
    const link = popup.getByRole('link', { name: title, exact: true });
    await link.waitFor();
    const drawn = await link.evaluate((element) => ({
      clipped: element.scrollWidth > element.clientWidth,
      right: element.getBoundingClientRect().right,
      ellipsis: getComputedStyle(element).textOverflow,
    }));
    expect(drawn).toEqual({ clipped: true, right: expect.any(Number), ellipsis: 'ellipsis' });
    expect(drawn.right).toBeLessThanOrEqual(380);
    await shoot(popup, 'popup-long-title');
    expect(session.errors).toEqual([]);
  });

  it('should keep "Show more" and focus across a chat and back, download once per double click, and close toasts with Escape', async () => {
    session = await launchExtension({ realDownloads: true });
    await installModelChatGpt(session.context, { includeSharedFixtures: false });
    await captureSome(session, 1);
    const app = await session.openPage('app.html#archive');
    await app.getByRole('heading', { name: 'Archive', level: 1 }).waitFor();
    // 120 more rows, copied from the captured one, so the archive needs a second page.
    await copyCapturedRow(
      app,
      Array.from({ length: 120 }, (_, i) => {
        const n = String(i).padStart(3, '0');
        return { id: `copy-${n}`, title: `Copy ${n}`, updatedAt: 1_000_000 + i };
      }),
    );
    await app.reload();
    const rows = app.getByRole('list', { name: 'Saved chats' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(100);
    const rowIds = async () =>
      (await readArchive<{ id: string; updatedAt: number }>(app, 'conversations'))
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .map((row) => row.id);
    const ordered = await rowIds();
    const focusedId = () => app.evaluate(() => document.activeElement?.getAttribute('data-conversation-id'));

    // "Show more" reveals the last rows and disappears: focus goes to the first new row, not to <body>. A chat saved
    // in between lands on top (written past Dexie, so only the answer to "Show more" has it) and shifts every row
    // down one: focus still goes to the row after the last one shown before.
    await copyCapturedRow(app, [{ id: 'saved-meanwhile', title: 'Saved meanwhile', updatedAt: 9_000_000_000_000 }]);
    await app.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => rows.count()).toBe(122);
    expect(await rows.first().getByRole('link').getAttribute('data-conversation-id')).toBe('saved-meanwhile');
    expect(await app.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    await expect.poll(focusedId).toBe(ordered[100]);

    // Into that chat and back: all 122 rows are still shown, and focus is back on its row.
    await app.keyboard.press('Enter');
    await expect.poll(() => app.url()).toContain(`#archive/${ordered[100]}`);
    await app.locator('a.back-link').click();
    await expect.poll(() => rows.count()).toBe(122);
    await expect.poll(focusedId).toBe(ordered[100]);
    // The browser's Back button does the same.
    await app.keyboard.press('Enter');
    await expect.poll(() => app.url()).toContain(`#archive/${ordered[100]}`);
    await app.goBack();
    await expect.poll(focusedId).toBe(ordered[100]);
    expect(await rows.count()).toBe(122);

    // A double click on "Download JSON" saves one file, and the toast names just the file and its folder.
    const captured = rows.filter({ has: app.locator(`[data-conversation-id="${ordered[0]}"]`) });
    await captured.getByRole('button', { name: /^Download JSON/ }).dblclick();
    const toast = app.getByRole('status').filter({ hasText: /Saved “[^/”]+\.json”/ });
    await expect.poll(() => toast.count()).toBe(1);
    expect(await toast.textContent()).toContain("It's in the “Lifeboat” folder inside your Downloads folder.");
    // Once a download has finished, a second one from the same double click would have been started long before.
    const downloadStates = () =>
      app.evaluate(async () => (await chrome.downloads.search({})).map((item) => item.state));
    await expect.poll(downloadStates).toContain('complete');
    expect(await downloadStates()).toEqual(['complete']);

    // Escape closes the newest toast without moving focus.
    await app.keyboard.press('Escape');
    await expect.poll(() => toast.count()).toBe(0);
    expect(await app.evaluate(() => document.activeElement?.closest('li') !== null)).toBe(true);
    expect(session.errors).toEqual([]);
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
    await shoot(chat, `chatgpt-notice-${language}-${colorScheme}`, {
      publish: colorScheme === 'light' && language === 'en',
    });
    await chat.close();
    const popup = await session.openPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.getByText(fixtures[0]?.title ?? '', { exact: true }).waitFor();
    await shoot(popup, `popup-${language}-${colorScheme}`, { publish: colorScheme === 'dark' || language === 'en' });

    const app = await session.openPage('app.html#archive');
    await app.getByRole('heading', { name: archive, level: 1 }).waitFor();
    await app.getByText(fixtures[0]?.title ?? '', { exact: true }).waitFor();
    await shoot(app, `app-archive-${language}-${colorScheme}`, { publish: colorScheme === 'light' });
    await app.goto(app.url().replace('#archive', '#settings'));
    await app.getByRole('switch').first().waitFor();
    await shoot(app, `app-settings-${language}-${colorScheme}`);
    expect(await app.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${language}\\b`));
    expect(session.errors).toEqual([]);
  });
});
