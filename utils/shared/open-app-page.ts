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

/** Opens the full-page app in a new tab, e.g. from the popup. */
export async function openAppPage(hash: AppHash): Promise<void> {
  await browser.tabs.create({ url: appPageUrl(hash) });
}
