import { browser } from '#imports';

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
 * the front and moved to `hash`; otherwise a new tab opens. Finding our own pages needs no `tabs` permission
 * (checked in Chrome by tests/e2e/ui.e2e.ts); if the browser cannot tell, a new tab opens.
 */
export async function openAppPage(hash: AppHash): Promise<void> {
  const url = appPageUrl(hash);
  const existing = await findAppTab();
  if (existing === undefined) {
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

/** An open tab of the full-page app: its id and window. */
interface AppTab {
  id: number;
  windowId: number | undefined;
}

async function findAppTab(): Promise<AppTab | undefined> {
  const appUrl = browser.runtime.getURL('/app.html');
  // Chrome 116+: the extension's own contexts, no permission needed. tabs.query by URL is not enough there:
  // without the `tabs` permission some Chrome versions match no tab at all, and a second app tab would open.
  const runtime = browser.runtime as typeof browser.runtime & {
    getContexts?: (filter: {
      contextTypes: string[];
    }) => Promise<{ tabId: number; windowId: number; documentUrl?: string }[]>;
  };
  if (typeof runtime.getContexts === 'function') {
    try {
      const contexts = await runtime.getContexts({ contextTypes: ['TAB'] });
      const app = contexts.find((context) => context.tabId >= 0 && context.documentUrl?.startsWith(appUrl));
      if (app !== undefined) return { id: app.tabId, windowId: app.windowId >= 0 ? app.windowId : undefined };
    } catch {
      // Fall through to tabs.query.
    }
  }
  try {
    const tabs = await browser.tabs.query({ url: appPagePattern() });
    // The most recently used app tab, when there are several.
    const [tab] = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    return tab?.id === undefined ? undefined : { id: tab.id, windowId: tab.windowId };
  } catch {
    // A browser that will not match extension URLs without a permission: opening a new tab still works.
    return undefined;
  }
}
