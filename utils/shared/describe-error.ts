import type { z } from 'zod';

/** A readable one-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** The first few zod issues as `path: message; …`, leaving out a path the message already names in backticks. */
export function describeZodError(error: z.ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => {
      const path = issue.path.join('.');
      return path === '' || issue.message.includes(`\`${path}\``) ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}
