import { storage } from '#imports';
import type { MessageSender } from '@/utils/messaging/protocol';
import type { PageHookReport, PageHookTabState } from './model';

// The background's record of the page hook in each chatgpt.com tab, in storage.session: it lasts as long as the
// browser session, survives the service worker being stopped, and content scripts cannot read it (Chrome's
// default access level for the session area is trusted contexts only). One key per tab, so two tabs reporting
// at once never overwrite each other.

const keyOf = (tabId: number) => `session:pageHook.${tabId}` as const;

export interface PageHookTabsDeps {
  now?: () => number;
}

/** Creates the per-tab page-hook record the background keeps. */
export function createPageHookTabs({ now = Date.now }: PageHookTabsDeps = {}) {
  return {
    /**
     * Stores a tab's report under the tab the browser says sent it (never a tab the payload names). Resolves
     * `stored: false` for a sender without a tab (an extension page).
     */
    async report(report: PageHookReport, sender: MessageSender): Promise<{ stored: boolean }> {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return { stored: false };
      const state: PageHookTabState = { ...report, reportedAt: now() };
      await storage.setItem(keyOf(tabId), state);
      return { stored: true };
    },
    /** Returns what a tab last reported, or null if it never did or was closed. */
    get(tabId: number): Promise<PageHookTabState | null> {
      return storage.getItem<PageHookTabState>(keyOf(tabId));
    },
    /** Forgets a closed tab; never throws (a record left behind only costs a few bytes until the browser closes). */
    async forget(tabId: number): Promise<void> {
      await storage.removeItem(keyOf(tabId)).catch(() => {});
    },
  };
}
