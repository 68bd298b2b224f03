import { useCallback, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { useToast } from '@/components/toast';
import { downloadDoneText } from '@/utils/conversations/labels';
import { sendMessage } from '@/utils/messaging/protocol';
import { useErrorToast } from './use-error-toast';

/** Keys of work in flight, claimed synchronously so a second claim in the same tick is refused. */
export interface InFlight {
  /** Claims `key`; false when it is already claimed (the caller then does nothing). */
  claim: (key: string) => boolean;
  release: (key: string) => void;
}

/** An InFlight set. */
export function createInFlight(): InFlight {
  const keys = new Set<string>();
  return {
    claim: (key) => {
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    },
    release: (key) => {
      keys.delete(key);
    },
  };
}

/** Saves one conversation's raw JSON as a file through the background, with a toast either way. */
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
  const inFlight = useRef<InFlight>(null);
  inFlight.current ??= createInFlight();
  const download = useCallback(
    async (id: string) => {
      const guard = inFlight.current;
      if (guard === null || !guard.claim(id)) return;
      setPending((ids) => new Set(ids).add(id));
      try {
        const { filename } = await sendMessage('downloadConversation', { id });
        toast.show({ tone: 'success', ...downloadDoneText(filename) });
      } catch (error) {
        showError(i18n.t('common.downloadFailed'), error);
      } finally {
        guard.release(id);
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
