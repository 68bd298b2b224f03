import { z } from 'zod';

/** `/api/auth/session` when signed in. Signed out, chatgpt.com answers `{}`, which fails this schema. */
export const SessionSchema = z.looseObject({
  accessToken: z.string().min(1),
  expires: z.string().optional(),
  user: z.looseObject({
    id: z.string().min(1),
    name: z.string().nullish(),
    email: z.string().nullish(),
  }),
});
export type Session = z.infer<typeof SessionSchema>;

/**
 * `/backend-api/accounts/check/v4-2023-04-27`: the personal account and any workspaces of this user, keyed by
 * workspace id. Only the envelope is checked here; each entry is checked on its own (AccountEntrySchema), so one
 * malformed entry cannot hide the others.
 */
export const AccountsCheckSchema = z.looseObject({
  accounts: z.record(z.string(), z.unknown()),
});

/** One entry of `accounts/check`. */
export const AccountEntrySchema = z.looseObject({
  account: z.looseObject({
    account_id: z.string().min(1),
    structure: z.string().nullish(),
    name: z.string().nullish(),
    plan_type: z.string().nullish(),
  }),
});

/** What the page hook reports. Later issues add the page's own traffic (conversation loads, stream timings). */
export const PageHookMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), version: z.literal(1) }),
]);
export type PageHookMessage = z.infer<typeof PageHookMessageSchema>;

/** What a content script tells the background about the page hook in its tab. */
export const PageHookReportSchema = z.discriminatedUnion('hook', [
  /** The hook took the channel; `messages` counts the valid messages received on it so far. */
  z.object({
    hook: z.literal('connected'),
    hookVersion: z.number().int().positive(),
    messages: z.number().int().nonnegative(),
  }),
  /** The page was parsed and no hook had taken the channel. */
  z.object({ hook: z.literal('missing') }),
]);
export type PageHookReport = z.infer<typeof PageHookReportSchema>;

/** What the background keeps per tab (in `storage.session`): the tab's latest report and when it came. */
export type PageHookTabState = PageHookReport & { reportedAt: number };
