import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './extension';
import { createModelChatGptBackend } from './model-chatgpt/backend';
import { installModelChatGpt } from './model-chatgpt/playwright';
import { notFromWxt, type SpyReport, withSpy } from './page-hook-spy';

// The page-hook channel in Chromium, observed from the extension's side: what the isolated content script
// receives from the hook ends up in the background's per-tab record in storage.session.

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

type TabStates = Record<string, { hook: string; hookVersion?: number; messages?: number; reportedAt: number }>;

/** The background's per-tab page-hook records, read in the service worker. */
function tabStates(s: ExtensionSession): Promise<TabStates> {
  return s.worker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('pageHook.')));
  }) as Promise<TabStates>;
}

async function launchWithSpy() {
  session = await launchExtension();
  await installModelChatGpt(session.context, { backend: withSpy(createModelChatGptBackend()) });
  return session;
}

const spyReport = (page: Page) =>
  page.evaluate(() => (window as unknown as { __lifeboatSpy: SpyReport }).__lifeboatSpy);

describe('the page-hook channel in Chromium', () => {
  it('should deliver the hook’s message to the content script, which tells the background', async () => {
    const s = await launchWithSpy();
    await s.openChatGpt('https://chatgpt.com/');
    await expect
      .poll(async () => Object.values(await tabStates(s)))
      .toEqual([{ hook: 'connected', hookVersion: 1, messages: 1, reportedAt: expect.any(Number) }]);
    expect(s.errors).toEqual([]);
  });

  it('should let no page script, even the first in <head>, see the channel or pose as the hook', async () => {
    const s = await launchWithSpy();
    const page = await s.openChatGpt('https://chatgpt.com/');
    await expect.poll(async () => Object.values(await tabStates(s)).map((state) => state.hook)).toEqual(['connected']);
    const spy = await spyReport(page);
    expect({ ...spy, events: notFromWxt(spy.events) }).toEqual({
      events: [],
      ports: 0,
      hookMessages: [],
      offerTaken: false,
    });
  });

  it('should ignore messages, hellos and offers a page script forges after the handshake', async () => {
    const s = await launchWithSpy();
    const page = await s.openChatGpt('https://chatgpt.com/');
    await expect.poll(async () => Object.keys(await tabStates(s)).length).toBe(1);
    const before = await tabStates(s);

    const forged = await page.evaluate(() => {
      const ready = JSON.stringify({ type: 'ready', version: 1 });
      // The old channel's names, a window message, and a hook saying hello to get an offer of its own.
      window.dispatchEvent(new CustomEvent('lifeboat:page-hook', { detail: ready }));
      window.dispatchEvent(new CustomEvent('lifeboat:content-script', { detail: JSON.stringify({ type: 'ping' }) }));
      window.postMessage(ready, '*');
      let offers = 0;
      window.addEventListener('lifeboat:page-hook-offer', () => {
        offers += 1;
      });
      window.dispatchEvent(new Event('lifeboat:page-hook-hello'));
      // An offer to whatever hook may still be listening: it would take the port and talk on it.
      const channel = new MessageChannel();
      const received: string[] = [];
      channel.port1.onmessage = (event) => received.push(String(event.data));
      const taken = !window.dispatchEvent(
        new MessageEvent('lifeboat:page-hook-offer', { cancelable: true, ports: [channel.port2] }),
      );
      (window as unknown as { __forged: unknown }).__forged = { offers, taken, received };
      return { offers, taken };
    });
    expect(forged).toEqual({ offers: 1, taken: false }); // the one offer is the page's own

    // A barrier instead of a sleep: once a second tab's report is stored, any report the forgeries caused in
    // the first tab, sent earlier, has been stored too.
    await s.openChatGpt('https://chatgpt.com/');
    await expect.poll(async () => Object.keys(await tabStates(s)).length).toBe(2);
    const after = await tabStates(s);
    for (const [key, state] of Object.entries(before)) expect(after[key]).toEqual(state);
    expect(await page.evaluate(() => (window as unknown as { __forged: unknown }).__forged)).toEqual({
      offers: 1,
      taken: false,
      received: [],
    });
    expect(s.errors).toEqual([]);
  });

  it('should forget a tab’s record when the tab closes', async () => {
    const s = await launchWithSpy();
    const page = await s.openChatGpt('https://chatgpt.com/');
    await expect.poll(async () => Object.keys(await tabStates(s)).length).toBe(1);
    await page.close();
    await expect.poll(async () => Object.keys(await tabStates(s)).length).toBe(0);
  });
});
