import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './extension';
import { conversationIdOf, createModelChatGptBackend, loadOwnFixtures } from './model-chatgpt/backend';
import { servePuppeteerPage } from './model-chatgpt/puppeteer';
import { notFromWxt, type SpyReport, withSpy } from './page-hook-spy';

// Firefox smoke test: puppeteer-core over WebDriver BiDi with Debian's firefox-esr. moz-extension:// pages
// cannot be opened here, so the result is read from what the content script shows on chatgpt.com: the notice
// carries the title that the background returns only after it has stored the conversation.

const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv2');
const run = promisify(execFile);
// A fixed moz-extension:// host for Lifeboat (Firefox picks a random one unless this pref names it).
const EXTENSION_UUID = '5f1e2d3c-4b5a-4697-8877-665544332211';

function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'lifeboat@lifeboat.app': EXTENSION_UUID }),
    },
  });
}

/**
 * Opens one of Lifeboat's pages in a new tab. Puppeteer never sees such a navigation finish (it loses the frame
 * to the extension process), but the page loads and evaluate works in it, so the test waits for that instead.
 */
async function openExtensionPage(b: Browser, path: string): Promise<Page> {
  const page = await b.newPage();
  const url = `moz-extension://${EXTENSION_UUID}/${path}`;
  page.goto(url).catch(() => {});
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const at = await page.evaluate(() => location.href).catch(() => '');
    if (at === url) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not open`);
}

type TabStates = Record<string, { hook: string; hookVersion?: number; messages?: number }>;

/** The background's per-tab page-hook records, read from storage.session in an extension page. */
function tabStates(page: Page): Promise<TabStates> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const all = await api.storage.session.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('pageHook.')));
  }) as Promise<TabStates>;
}

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
    browser = await launchFirefox();
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

  it('should hand the page hook its channel before page scripts run, where no page script can see it', async () => {
    browser = await launchFirefox();
    await browser.installExtension(FIREFOX_BUILD);
    const page = await browser.newPage();
    await servePuppeteerPage(page, withSpy(createModelChatGptBackend({ includeSharedFixtures: false })));
    await page.goto('https://chatgpt.com/');

    // What the hook sent reached the content script, which told the background: read from Lifeboat's side.
    const lifeboat = await openExtensionPage(browser, 'popup.html');
    await expect
      .poll(async () => Object.values(await tabStates(lifeboat)), { timeout: 10_000 })
      .toEqual([{ hook: 'connected', hookVersion: 1, messages: 1, reportedAt: expect.any(Number) }]);

    const spy = await page.evaluate(() => (window as unknown as { __lifeboatSpy: SpyReport }).__lifeboatSpy);
    expect({ ...spy, events: notFromWxt(spy.events) }).toEqual({
      events: [],
      ports: 0,
      hookMessages: [],
      offerTaken: false,
    });

    // After the handshake, forgeries change nothing: the old event names, a window message, a hello, an offer.
    const before = await tabStates(lifeboat);
    const forged = await page.evaluate(() => {
      const ready = JSON.stringify({ type: 'ready', version: 1 });
      window.dispatchEvent(new CustomEvent('lifeboat:page-hook', { detail: ready }));
      window.postMessage(ready, '*');
      let offers = 0;
      window.addEventListener('lifeboat:page-hook-offer', () => {
        offers += 1;
      });
      window.dispatchEvent(new Event('lifeboat:page-hook-hello'));
      const channel = new MessageChannel();
      const taken = !window.dispatchEvent(
        new MessageEvent('lifeboat:page-hook-offer', { cancelable: true, ports: [channel.port2] }),
      );
      return { offers, taken };
    });
    expect(forged).toEqual({ offers: 1, taken: false }); // the one offer is the page's own
    // A barrier instead of a sleep: a second tab's report arrives after anything the forgeries caused.
    const second = await browser.newPage();
    await servePuppeteerPage(second, withSpy(createModelChatGptBackend({ includeSharedFixtures: false })));
    await second.goto('https://chatgpt.com/');
    await expect.poll(async () => Object.keys(await tabStates(lifeboat)).length, { timeout: 10_000 }).toBe(2);
    const after = await tabStates(lifeboat);
    for (const [key, state] of Object.entries(before)) expect(after[key]).toEqual(state);
  });
});
