import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { errorToast, failureCode, technicalDetail } from '@/hooks/use-error-toast';
import { ProtocolError } from '@/utils/messaging/protocol';
import { LifeboatError } from '@/utils/shared/lifeboat-error';

beforeEach(() => {
  fakeBrowser.reset();
  // Each message reads as its key, so a test sees which sentence was chosen.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => name);
});

function zodError(): z.ZodError {
  const result = z.strictObject({ captureEnabled: z.boolean() }).safeParse({ captureEnabled: 'yes' });
  if (result.success) throw new Error('expected the parse to fail');
  return result.error;
}

describe('failureCode', () => {
  it.each([
    ['a refused message', new ProtocolError('Refused "downloadConversation".', 'refused'), 'refused'],
    ['a message with bad data', new ProtocolError('bad', 'invalid-data'), 'invalid-data'],
    ['an unknown chat', new ProtocolError('Conversation x is not in the archive.', 'not-found'), 'not-found'],
    ['a ProtocolError without a code', new ProtocolError('No part of Lifeboat answered.'), 'failed'],
    ['a LifeboatError thrown on this page', new LifeboatError('not-found', 'gone'), 'not-found'],
    ['a ZodError', zodError(), 'invalid-data'],
    ['any other Error', new Error('Could not establish connection.'), 'failed'],
    ['a thrown string', 'oops', 'failed'],
  ])('should read %s', (_label, error, expected) => {
    expect(failureCode(error)).toBe(expected);
  });
});

describe('errorToast', () => {
  it.each([
    ['refused', 'errors_refused'],
    ['invalid-data', 'errors_invalidData'],
    ['not-found', 'errors_notFound'],
    ['failed', 'errors_failed'],
  ] as const)('should explain a %s failure with its own translated sentence', (code, key) => {
    expect(errorToast('Download failed', new ProtocolError('technical words', code))).toEqual({
      tone: 'error',
      message: 'Download failed',
      detail: key,
      technical: 'technical words',
    });
  });

  it('should translate a settings ZodError and keep only its issues, not its JSON, as the technical line', () => {
    const toast = errorToast('Could not save', zodError());
    expect(toast.detail).toBe('errors_invalidData');
    expect(toast.technical).toMatch(/^captureEnabled: /);
    expect(toast.technical).not.toContain('[');
    expect(toast.technical).not.toContain('"code"');
  });
});

describe('technicalDetail', () => {
  it("should be an error's own message", () => {
    expect(technicalDetail(new Error('disk full'))).toBe('disk full');
    expect(technicalDetail('plain')).toBe('plain');
  });
});
