import { i18n } from '#i18n';
import { Button } from '@/components/button';
import { PauseIcon } from '@/components/icons';
import { useSettings } from './hooks/use-settings';
import './capture-paused-banner.css';

/** Says so when capture is switched off, with a button that switches it back on; renders nothing otherwise. */
export function CapturePausedBanner({ onResumed }: { onResumed?: () => void }) {
  const { settings, update } = useSettings();
  if (settings === undefined || settings.captureEnabled) return null;
  const resume = async () => {
    await update({ captureEnabled: true });
    onResumed?.();
  };
  return (
    <div className="banner">
      <PauseIcon className="banner__icon" />
      <p className="banner__text">{i18n.t('common.capturePaused')}</p>
      <Button size="sm" variant="secondary" onClick={resume}>
        {i18n.t('common.capturePausedAction')}
      </Button>
    </div>
  );
}
