import { describe, expect, it } from 'vitest';
import { downloadConversation } from '@/utils/conversations/download-conversation';
import { saveConversation } from '@/utils/conversations/store';
import type { Downloader } from '@/utils/downloads/model';
import { buildCapture, FIXED_NOW, freshArchiveDbPerTest } from '../../../factories';

const archive = freshArchiveDbPerTest('download-conversation');

/** A downloader that keeps what it was given instead of saving a file. */
function keepingDownloader() {
  const files: { blob: Blob; filename: string }[] = [];
  const downloader = {
    download: async (blob: Blob, filename: string) => {
      files.push({ blob, filename });
      return 7;
    },
  } as unknown as Downloader;
  return { downloader, files };
}

describe('downloadConversation', () => {
  it('should save the body byte for byte as chatgpt.com sent it, named after the chat', async () => {
    // Odd spacing, "10" after "b", an integer above 2^53 and Korean text: all survive only as the stored text.
    const body =
      '{"title":"정렬 질문" ,"b":1,"10":12345678901234567890,"conversation_id":"c1","mapping":{},"update_time":5}';
    await saveConversation(archive(), buildCapture(body), { capturedAt: FIXED_NOW, source: 'page' });
    const { downloader, files } = keepingDownloader();
    await expect(downloadConversation(archive(), downloader, 'c1', 'Untitled')).resolves.toEqual({
      downloadId: 7,
      filename: 'Lifeboat/정렬 질문 (c1).json',
    });
    const [file] = files;
    if (file === undefined) throw new Error('nothing was downloaded');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(new TextEncoder().encode(body));
    expect(file.blob.type).toBe('application/json');
  });

  it('should say the chat is not archived, and download nothing', async () => {
    const { downloader, files } = keepingDownloader();
    await expect(downloadConversation(archive(), downloader, 'nope', 'Untitled')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(files).toEqual([]);
  });
});
