import { useCallback } from 'react';
import { i18n } from '#i18n';
import { useToast } from '@/components/toast';
import { useErrorToast } from './use-error-toast';
import { useSettings } from './use-settings';

/** Whether saving new chats is switched off (false until settings load), and a way to switch it back on. */
export function useCapturePaused(): { paused: boolean; resume: () => Promise<void> } {
  const { settings, update } = useSettings();
  const toast = useToast();
  const showError = useErrorToast();
  const resume = useCallback(async () => {
    try {
      await update({ captureEnabled: true });
      // The banner that held the button disappears, so say out loud that it worked.
      toast.show({ tone: 'success', message: i18n.t('common.captureResumed') });
    } catch (error) {
      showError(i18n.t('settings.saveFailed'), error);
    }
  }, [update, toast, showError]);
  return { paused: settings?.captureEnabled === false, resume };
}
