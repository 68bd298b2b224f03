import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReceiveCapture, isTrustedCaptureSender } from '@/utils/conversations/receive-capture';
import { ArchiveDb } from '@/utils/db/database';
import { createLogger } from '@/utils/shared/logger';
import { buildCapture } from '../../../factories';

const EXTENSION = 'chrome-extension://abcdefghijklmnop/';

describe('isTrustedCaptureSender', () => {
  it.each([
    [{ tab: { url: 'https://chatgpt.com/c/1' } }, true],
    [{ tab: { url: 'https://chat.openai.com/c/1' } }, true],
    [{ url: `${EXTENSION}app.html` }, true],
    [{ tab: { url: 'https://chatgpt.com.evil.example/c/1' } }, false],
    [{ tab: { url: 'http://chatgpt.com/c/1' } }, false],
    [{ url: 'chrome-extension://someoneelse/app.html' }, false],
    [{}, false],
  ])('should judge %j as %s', (sender, trusted) => {
    expect(isTrustedCaptureSender(sender, EXTENSION)).toBe(trusted);
  });
});

describe('createReceiveCapture', () => {
  let db: ArchiveDb;
  beforeEach(() => {
    db = new ArchiveDb(`receive-test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('should refuse a capture from an untrusted sender and store nothing', async () => {
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const receive = createReceiveCapture({ db, logger: createLogger('t', silent), extensionOrigin: EXTENSION });
    await expect(receive(buildCapture(), { tab: { url: 'https://example.com/' } })).rejects.toThrow(/Refused/);
    expect(await db.conversations.count()).toBe(0);
  });
});
