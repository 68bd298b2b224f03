import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './extension';
import { conversationIdOf, createModelChatGptBackend, loadOwnFixtures } from './model-chatgpt/backend';
import { servePuppeteerPage } from './model-chatgpt/puppeteer';

// Firefox smoke test: puppeteer-core over WebDriver BiDi with Debian's firefox-esr. moz-extension:// pages
// cannot be opened here, so the result is read from what the content script shows on chatgpt.com: the notice
// carries the title that the background returns only after it has stored the conversation.

const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv2');
const run = promisify(execFile);

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('Firefox', () => {
  it('should pass web-ext lint with no errors', async () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'web-ext');
    const { stdout } = await run(
      bin,
      ['lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'],
      {
        maxBuffer: 10 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { errors: { code: string; message: string }[]; summary: { errors: number } };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('should store a conversation opened on chatgpt.com through the content script and background', async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
    });
    await browser.installExtension(FIREFOX_BUILD);
    const backend = createModelChatGptBackend({ includeSharedFixtures: false });
    const conversation = loadOwnFixtures()[0] as Record<string, unknown>;
    const id = conversationIdOf(conversation) as string;

    const page = await browser.newPage();
    const logs: string[] = [];
    page.on('console', (message) => logs.push(`${message.type()} ${message.text()}`));
    await servePuppeteerPage(page, backend);
    await page.goto(`https://chatgpt.com/c/${id}`);
    // Polled: a selector wait does not see attribute changes inside the notice's shadow root in Firefox.
    const notice = await page.waitForFunction(
      () =>
        document.querySelector('lifeboat-notice')?.shadowRoot?.querySelector('[role="status"][data-tone]')?.textContent,
      { polling: 100, timeout: 20_000 },
    );
    const text = await notice.jsonValue();
    expect(text, logs.join('\n')).toContain(String(conversation.title));
    expect(backend.requests.some((r) => r.url.endsWith(`/backend-api/conversation/${id}`))).toBe(true);
  });
});
