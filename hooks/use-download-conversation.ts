import { useCallback, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { useToast } from '@/components/toast';
import { downloadDoneText, downloadInterruptedText } from '@/utils/conversations/labels';
import { waitForDownload } from '@/utils/downloads/wait-for-download';
import { sendMessage } from '@/utils/messaging/protocol';
import { useErrorToast } from './use-error-toast';

/**
 * Saves one conversation's raw JSON as a file through the background, then follows the download to its end and
 * toasts the name the browser really saved it under (or why it stopped).
 */
export function useDownloadConversation(): {
  /** Starts a download; a second call for the same id while the first runs does nothing. */
  download: (id: string) => Promise<void>;
  /** Ids whose download is in flight, so their buttons can show it. */
  pending: ReadonlySet<string>;
} {
  const toast = useToast();
  const showError = useErrorToast();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  // State alone is not enough: a double click delivers both clicks before React re-renders the busy button,
  // so the guard is a ref checked and set synchronously.
  const inFlight = useRef(new Set<string>());
  const download = useCallback(
    async (id: string) => {
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      setPending((ids) => new Set(ids).add(id));
      try {
        const { downloadId, filename } = await sendMessage('downloadConversation', { id });
        const outcome = await waitForDownload(downloadId);
        if (outcome.state === 'complete') {
          toast.show({ tone: 'success', ...downloadDoneText(filename, outcome.path) });
        } else {
          const { cancelled, ...text } = downloadInterruptedText(outcome.reason);
          toast.show({ tone: cancelled ? 'info' : 'error', ...text });
        }
      } catch (error) {
        showError(i18n.t('common.downloadFailed'), error);
      } finally {
        inFlight.current.delete(id);
        setPending((ids) => {
          const next = new Set(ids);
          next.delete(id);
          return next;
        });
      }
    },
    [toast, showError],
  );
  return { download, pending };
}
