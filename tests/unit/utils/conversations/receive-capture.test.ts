import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReceiveCapture } from '@/utils/conversations/receive-capture';
import { ArchiveDb } from '@/utils/db/database';
import { createLogger } from '@/utils/shared/logger';
import { buildCapture, buildRawConversation } from '../../../factories';

describe('createReceiveCapture', () => {
  let db: ArchiveDb;
  const warnings: string[] = [];
  const logger = createLogger('background', {
    debug() {},
    info() {},
    warn: (line: string) => warnings.push(line),
    error() {},
  });
  beforeEach(() => {
    db = new ArchiveDb(`receive-test-${crypto.randomUUID()}`);
    warnings.length = 0;
  });
  afterEach(async () => {
    await db.delete();
  });

  it('should answer with what the popup and the page notice show', async () => {
    const receive = createReceiveCapture({ db, logger, now: () => 5 });
    await expect(receive(buildCapture())).resolves.toEqual({
      id: 'conv-test-1',
      title: 'Keeping chats',
      messageCount: 2,
      stored: true,
    });
  });

  it('should log the reason a capture was refused and pass it on', async () => {
    const receive = createReceiveCapture({ db, logger });
    await expect(receive({ ...buildCapture(buildRawConversation('c9')), conversation: [] })).rejects.toThrow(
      'Conversation c9 was not saved: Invalid input: expected object, received array.',
    );
    expect(warnings).toEqual([
      '[Lifeboat:background] Conversation c9 was not saved: Invalid input: expected object, received array.',
    ]);
  });
});
