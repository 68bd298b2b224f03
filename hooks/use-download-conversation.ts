import { useCallback, useState } from 'react';
import { i18n } from '#i18n';
import { useToast } from '@/components/toast';
import { sendMessage } from '@/utils/messaging/protocol';
import { useErrorToast } from './use-error-toast';

/** Saves one conversation's raw JSON as a file through the background, with a toast either way. */
export function useDownloadConversation(): {
  download: (id: string) => Promise<void>;
  /** Ids whose download is in flight, so their buttons can show it. */
  pending: ReadonlySet<string>;
} {
  const toast = useToast();
  const showError = useErrorToast();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const download = useCallback(
    async (id: string) => {
      setPending((ids) => new Set(ids).add(id));
      try {
        const { filename } = await sendMessage('downloadConversation', { id });
        toast.show({
          tone: 'success',
          message: i18n.t('common.downloadDone', [filename]),
          detail: i18n.t('common.downloadDoneDetail'),
        });
      } catch (error) {
        showError(i18n.t('common.downloadFailed'), error);
      } finally {
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
