import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension, readArchive } from './extension';
import { conversationIdOf, loadOwnFixtures } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const first = loadOwnFixtures()[0] as Record<string, unknown>;
const ID = conversationIdOf(first) as string;
const TITLE = String(first.title);
const path = `/backend-api/conversation/${ID}`;

describe('bad answers from chatgpt.com', () => {
  it.each([
    [
      'an HTML error page',
      {
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Oops</title><h1>Something went wrong</h1>',
      },
      'with an HTML page instead of JSON (HTTP 200, text/html)',
    ],
    [
      'invalid JSON',
      { status: 200, contentType: 'application/json', body: '{"title": "half a chat", "mapping": {' },
      'the answer is not valid JSON',
    ],
    [
      'JSON without mapping',
      { status: 200, contentType: 'application/json', body: JSON.stringify({ title: 'no tree', conversation_id: ID }) },
      '`mapping` is missing',
    ],
    // Retried twice first: each of the three tries gets the same failure.
    [
      'a 502',
      { status: 502, contentType: 'application/json', body: '{"detail":"Bad gateway"}', times: 3 },
      'answered HTTP 502',
    ],
    ['an aborted response', { abort: true, times: 3 }, 'Could not reach chatgpt.com'],
  ])('should store nothing for %s, log why, and keep the page and extension working', async (_label, fault, reason) => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    backend.addFault(path, fault);

    const page = await session.openChatGpt(`https://chatgpt.com/c/${ID}`);
    await expect
      .poll(() => session?.pageLogs.find((line) => line.includes(reason)), { timeout: 30_000 })
      .toMatch(new RegExp(`^warning \\[Lifeboat:capture\\] .*${ID}`));
    // The page still works: its composer takes text and enables send.
    await page.locator('#prompt-textarea').click();
    await page.keyboard.type('still typing');
    await expect.poll(() => page.getByTestId('send-button').isEnabled()).toBe(true);

    const app = await session.openPage('popup.html');
    expect(await readArchive(app, 'conversations')).toEqual([]);

    // The extension is not broken: the next good answer is stored.
    await page.reload();
    await expect.poll(async () => (await readArchive(app, 'conversations')).length).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('should say how long chatgpt.com asks it to wait when rate limited, and store nothing meanwhile', async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    backend.addFault(path, {
      status: 429,
      retryAfterSeconds: 37,
      body: '{"detail":"Too many requests in 1 minute. Try again later."}',
    });
    const page = await session.openChatGpt(`https://chatgpt.com/c/${ID}`);
    await expect
      .poll(() => session?.pageLogs.find((line) => line.includes('HTTP 429')))
      .toContain('It asks to wait 37 s.');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/^ChatGPT is limiting requests\. Lifeboat will save this chat in (3[0-7]) seconds\.$/);
    const popup = await session.openPage('popup.html');
    expect(await readArchive(popup, 'conversations')).toEqual([]);
    expect(backend.requests.filter((request) => request.url.endsWith(path))).toHaveLength(1);
  });

  it('should fetch a fresh session when the token has expired, then store the chat', async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    backend.addFault(path, { status: 401, body: '{"detail":"Unauthorized"}' });
    await session.openChatGpt(`https://chatgpt.com/c/${ID}`);
    const popup = await session.openPage('popup.html');
    await expect.poll(async () => (await readArchive(popup, 'conversations')).length).toBe(1);
    expect(backend.requests.filter((r) => r.url.endsWith('/api/auth/session'))).toHaveLength(2);
    expect(session.errors).toEqual([]);
  });

  it('should wait out a slow chatgpt.com', async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    backend.setLatency(2500);
    const page = await session.openChatGpt(`https://chatgpt.com/c/${ID}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: TITLE }).count(), { timeout: 15_000 }).toBe(1);
  });

  it('should keep the stored copy when a later answer is bad', async () => {
    session = await launchExtension();
    const backend = await installModelChatGpt(session.context, { includeSharedFixtures: false });
    const page = await session.openChatGpt(`https://chatgpt.com/c/${ID}`);
    const popup = await session.openPage('popup.html');
    await expect.poll(async () => (await readArchive(popup, 'conversations')).length).toBe(1);
    const [before] = await readArchive(popup, 'conversations');

    backend.addFault(path, { status: 200, contentType: 'application/json', body: '{"mapping": 42}' });
    await page.reload();
    await expect.poll(() => session?.pageLogs.some((line) => line.includes('`mapping` is not an object'))).toBe(true);
    expect(await readArchive(popup, 'conversations')).toEqual([before]);
    await expect.poll(() => popup.getByText(TITLE, { exact: true }).count()).toBe(1);
    expect(session.errors).toEqual([]);
  });
});
