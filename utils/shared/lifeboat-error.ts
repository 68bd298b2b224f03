/**
 * Why a request to another part of Lifeboat failed, in a form the UI can translate: the English `message`
 * is for logs and details, the `code` picks the localised sentence.
 */
export type ErrorCode = 'refused' | 'invalid-data' | 'not-found' | 'failed';

/** An error whose `code` survives the trip through the message protocol. */
export class LifeboatError extends Error {
  override name = 'LifeboatError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The code of any thrown value: its own when it is a LifeboatError, else `failed`. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof LifeboatError ? error.code : 'failed';
}
