import { i18n } from '#i18n';
import { browser } from '#imports';
import { InfoIcon, ShieldIcon } from '@/components/icons';
import { ProgressBar } from '@/components/progress-bar';
import { Switch } from '@/components/switch';
import { useToast } from '@/components/toast';
import { useErrorToast } from '@/hooks/use-error-toast';
import { useSettings } from '@/hooks/use-settings';
import { useStorageState } from '@/hooks/use-storage-state';
import { captureNoticeHint } from '@/utils/conversations/labels';
import type { Settings } from '@/utils/settings/model';
import { formatBytes, getUiLocale } from '@/utils/shared/ui-locale';

/** Settings, saved the moment they change, and what Lifeboat is. */
export function SettingsPage() {
  const { settings, update } = useSettings();
  const toast = useToast();
  const showError = useErrorToast();

  const change = async (patch: Partial<Settings>) => {
    try {
      await update(patch);
      toast.show({ tone: 'success', message: i18n.t('settings.saved') });
    } catch (error) {
      showError(i18n.t('settings.saveFailed'), error);
    }
  };

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title" tabIndex={-1}>
          {i18n.t('settings.title')}
        </h1>
      </header>
      <section className="card settings-section" aria-labelledby="settings-capture">
        <h2 id="settings-capture" className="section-title">
          {i18n.t('settings.captureHeading')}
        </h2>
        {settings === undefined ? null : (
          <div className="settings-list">
            <Switch
              label={i18n.t('settings.captureEnabled')}
              description={i18n.t('settings.captureEnabledHint')}
              checked={settings.captureEnabled}
              onChange={(captureEnabled) => change({ captureEnabled })}
            />
            {/* The notice follows a save, so with saving off it has nothing to announce. */}
            <Switch
              label={i18n.t('settings.showCaptureNotice')}
              description={captureNoticeHint()}
              checked={settings.showCaptureNotice}
              disabledReason={
                settings.captureEnabled
                  ? undefined
                  : i18n.t('settings.noticeNeedsCapture', [i18n.t('settings.captureEnabled')])
              }
              onChange={(showCaptureNotice) => change({ showCaptureNotice })}
            />
          </div>
        )}
      </section>
      <StorageSection />
      <section className="card settings-section" aria-labelledby="settings-about">
        <h2 id="settings-about" className="section-title">
          {i18n.t('settings.aboutHeading')}
        </h2>
        <div className="about">
          <img src="/icon/lifeboat.svg" alt="" width={40} height={40} />
          <div>
            <p className="about__name">{i18n.t('extName')}</p>
            <p className="about__version">{i18n.t('settings.version', [browser.runtime.getManifest().version])}</p>
          </div>
        </div>
        <div className="privacy">
          <ShieldIcon className="privacy__icon" />
          <div>
            <p className="privacy__title">{i18n.t('settings.privacy')}</p>
            <p className="privacy__detail">{i18n.t('settings.privacyDetail')}</p>
          </div>
        </div>
      </section>
    </div>
  );
}

/** Whether the browser will keep the archive when the disk runs low, and how much space it uses. */
function StorageSection() {
  const state = useStorageState();
  const locale = getUiLocale();
  return (
    <section className="card settings-section" aria-labelledby="settings-storage">
      <h2 id="settings-storage" className="section-title">
        {i18n.t('settings.storageHeading')}
      </h2>
      {state === undefined ? null : (
        <div className="settings-storage">
          <p className="note">
            {state.persisted ? <ShieldIcon size={18} /> : <InfoIcon size={18} />}
            {state.persisted ? i18n.t('settings.storagePersisted') : i18n.t('settings.storageNotPersisted')}
          </p>
          {state.usage === undefined || state.quota === undefined || state.quota <= 0 ? null : (
            <ProgressBar
              label={i18n.t('settings.storageUsed')}
              value={state.usage}
              max={state.quota}
              countsText={i18n.t('settings.storageUsedOf', [
                formatBytes(state.usage, locale),
                formatBytes(state.quota, locale),
              ])}
              locale={locale}
            />
          )}
        </div>
      )}
    </section>
  );
}
