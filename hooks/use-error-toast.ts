import { useCallback } from 'react';
import { z } from 'zod';
import { i18n } from '#i18n';
import { type ToastInput, useToast } from '@/components/toast';
import { ProtocolError } from '@/utils/messaging/protocol';
import { describeError, describeZodError } from '@/utils/shared/describe-error';
import { type ErrorCode, LifeboatError } from '@/utils/shared/lifeboat-error';

/** The translated sentence for each kind of failure: what happened, and what to do next. */
const ERROR_MESSAGE_KEYS = {
  refused: 'errors.refused',
  'invalid-data': 'errors.invalidData',
  'not-found': 'errors.notFound',
  failed: 'errors.failed',
} as const satisfies Record<ErrorCode, string>;

/** The kind of a failure: a protocol or Lifeboat error's own code, `invalid-data` for a zod error, else `failed`. */
export function failureCode(error: unknown): ErrorCode {
  if (error instanceof ProtocolError || error instanceof LifeboatError) return error.code;
  if (error instanceof z.ZodError) return 'invalid-data';
  return 'failed';
}

/** The English technical detail of a failure: a zod error's first issues (not its JSON dump), else its message. */
export function technicalDetail(error: unknown): string {
  return error instanceof z.ZodError ? describeZodError(error) : describeError(error);
}

/**
 * The toast for a failed action: `title` says what failed ("Couldn't save the setting"), a translated sentence
 * chosen by the error's code says what happened and what to do next, and the English message is kept as a
 * smaller technical line.
 */
export function errorToast(title: string, error: unknown): ToastInput {
  return {
    tone: 'error',
    message: title,
    detail: i18n.t(ERROR_MESSAGE_KEYS[failureCode(error)]),
    technical: technicalDetail(error),
  };
}

/** A function that shows errorToast(title, error) in the nearest ToastProvider. */
export function useErrorToast(): (title: string, error: unknown) => void {
  const toast = useToast();
  return useCallback((title: string, error: unknown) => void toast.show(errorToast(title, error)), [toast]);
}
