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

/** `/backend-api/accounts/check/v4-2023-04-27`: the personal account and any workspaces of this user. */
export const AccountsCheckSchema = z.looseObject({
  accounts: z.record(
    z.string(),
    z.looseObject({
      account: z.looseObject({
        account_id: z.string().min(1),
        structure: z.string().nullish(),
        name: z.string().nullish(),
        plan_type: z.string().nullish(),
      }),
    }),
  ),
  account_ordering: z.array(z.string()).optional(),
});
export type AccountsCheck = z.infer<typeof AccountsCheckSchema>;
