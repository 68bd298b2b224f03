import { type Browser, browser } from '#imports';

/** A place in the full-page app, as its URL hash: `archive`, `archive/<id>`, `settings`, … */
export type AppHash = 'archive' | 'prompts' | 'health' | 'settings' | `archive/${string}`;

/** The hash (without `#`) of one saved chat's page in the full-page app. */
export function conversationAppHash(conversationId: string): `archive/${string}` {
  return `archive/${encodeURIComponent(conversationId)}`;
}

/** The URL of the full-page app at a given section. */
export function appPageUrl(hash: AppHash): string {
  return browser.runtime.getURL(`/app.html#${hash}`);
}

/** A match pattern for every tab showing the full-page app, whatever its hash. */
export function appPagePattern(): string {
  return `${browser.runtime.getURL('/app.html')}*`;
}

/**
 * Shows the full-page app at `hash`, e.g. from the popup: an app tab that is already open is reused, brought to
 * the front and moved to `hash`; otherwise a new tab opens. Querying our own extension URLs needs no `tabs`
 * permission (checked in Chrome by tests/e2e/ui.e2e.ts); if the browser refuses the query, a new tab opens.
 */
export async function openAppPage(hash: AppHash): Promise<void> {
  const url = appPageUrl(hash);
  const existing = await findAppTab();
  if (existing?.id === undefined) {
    await browser.tabs.create({ url });
    return;
  }
  try {
    await browser.tabs.update(existing.id, { active: true, url });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
  } catch {
    // The tab closed between the query and the update: open a fresh one instead of doing nothing.
    await browser.tabs.create({ url });
  }
}

async function findAppTab(): Promise<Browser.tabs.Tab | undefined> {
  try {
    const tabs = await browser.tabs.query({ url: appPagePattern() });
    // The most recently used app tab, when there are several.
    return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  } catch {
    // A browser that will not match extension URLs without a permission: opening a new tab still works.
    return undefined;
  }
}
