import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, readArchive, shoot } from './extension';
import { conversationIdOf, loadOwnFixtures, MODEL_USER, MODEL_WORKSPACE_ACCOUNT_ID } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';

// One person, two ChatGPT accounts: their personal account and a team workspace. Each chat stays in its own
// account's archive, and the view shows the account the user chose, whatever the tabs do meanwhile.

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function fixture(index: number) {
  const conversation = loadOwnFixtures()[index] as Record<string, unknown>;
  return { id: conversationIdOf(conversation) as string, title: String(conversation.title) };
}

const PERSONAL = `user-${MODEL_USER.id}`;
const WORKSPACE = `workspace-${MODEL_WORKSPACE_ACCOUNT_ID}`;

describe('accounts and workspaces', () => {
  it('should file chats per account, show the chosen one, and not flip when another account captures', async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false, workspace: true });
    const [personal, team, laterTeam] = [fixture(0), fixture(1), fixture(2)];

    const chat = await session.openChatGpt(`https://chatgpt.com/c/${personal.id}`);
    await expect.poll(() => chat.getByRole('status').filter({ hasText: personal.title }).count()).toBe(1);
    // The user switches ChatGPT to their team workspace: chatgpt.com keeps the choice in the `_account` cookie.
    await session.context.addCookies([
      { name: '_account', value: MODEL_WORKSPACE_ACCOUNT_ID, domain: 'chatgpt.com', path: '/' },
    ]);
    await chat.goto(`https://chatgpt.com/c/${team.id}`);
    await expect.poll(() => chat.getByRole('status').filter({ hasText: team.title }).count()).toBe(1);
    const teamRequest = backend.requests.findLast((request) => request.url.endsWith(`/conversation/${team.id}`));
    expect(teamRequest?.headers['chatgpt-account-id']).toBe(MODEL_WORKSPACE_ACCOUNT_ID);

    const popup = await session.openPage('popup.html');
    const rows = await readArchive<{ id: string; accountId: string }>(popup, 'conversations');
    expect(Object.fromEntries(rows.map((row) => [row.id, row.accountId]))).toEqual({
      [personal.id]: PERSONAL,
      [team.id]: WORKSPACE,
    });

    // The popup shows one account, says which, and offers the other.
    const switcher = popup.getByRole('combobox', { name: 'Account shown' });
    await expect.poll(() => switcher.inputValue()).toBe(WORKSPACE);
    expect(await switcher.getByRole('option').allTextContents()).toEqual([
      'Model Team · Workspace',
      'Model User · Personal account',
    ]);
    const list = popup.getByRole('list', { name: 'Newest chats' });
    await expect.poll(() => list.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining(team.title)]);
    await switcher.selectOption({ label: (await switcher.getByRole('option').nth(1).textContent()) ?? '' });
    await expect
      .poll(() => list.getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringContaining(personal.title)]);
    await popup.setViewportSize({ width: 380, height: 480 });
    await shoot(popup, 'popup-accounts-en-light', { publish: true });

    // A capture in the workspace tab does not pull the view back to the workspace.
    await chat.goto(`https://chatgpt.com/c/${laterTeam.id}`);
    await expect.poll(() => chat.getByRole('status').filter({ hasText: laterTeam.title }).count()).toBe(1);
    await popup.waitForTimeout(500);
    expect(await switcher.inputValue()).toBe(PERSONAL);
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining(personal.title)]);

    // The full page shows the same account; a workspace chat opened there offers to switch.
    const app = await session.openPage(`app.html#archive/${team.id}`);
    await app.getByRole('heading', { name: 'This chat is in another account', level: 2 }).waitFor();
    await app.getByRole('button', { name: 'Switch to “Model Team”' }).click();
    await app.getByRole('heading', { name: team.title, level: 1 }).waitFor();
    // The button is gone; focus is on the chat's title, not lost to the page.
    await expect.poll(() => app.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect.poll(() => switcher.inputValue()).toBe(WORKSPACE);
    expect(session.errors).toEqual([]);
  });
});
