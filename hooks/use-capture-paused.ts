import { type RefObject, useCallback } from 'react';
import { i18n } from '#i18n';
import { useToast } from '@/components/toast';
import { useErrorToast } from './use-error-toast';
import { useSettings } from './use-settings';

/**
 * Whether saving new chats is switched off (false until settings load), and a way to switch it back on. The
 * banner holding the "Turn on" button goes away once saving is on, so focus then moves to `focusAfterResume`
 * (a heading with tabIndex -1, or the view's main control) instead of dropping to <body>.
 */
export function useCapturePaused(focusAfterResume: RefObject<HTMLElement | null>): {
  paused: boolean;
  resume: () => Promise<void>;
} {
  const { settings, update } = useSettings();
  const toast = useToast();
  const showError = useErrorToast();
  const resume = useCallback(async () => {
    const focused = document.activeElement;
    try {
      await update({ captureEnabled: true });
      // Only if focus is still on the button, or was dropped to <body> because the banner holding it went away
      // first (the settings watch can answer before `update` does): a user who moved on keeps their place.
      const active = document.activeElement;
      if (active === focused || active === null || active === document.body) focusAfterResume.current?.focus();
      // The banner that held the button disappears, so say out loud that it worked.
      toast.show({ tone: 'success', message: i18n.t('common.captureResumed') });
    } catch (error) {
      showError(i18n.t('settings.saveFailed'), error);
    }
  }, [update, toast, showError, focusAfterResume]);
  return { paused: settings?.captureEnabled === false, resume };
}
