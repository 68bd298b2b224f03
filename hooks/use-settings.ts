import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings/settings-store';
import { describeError } from '@/utils/shared/describe-error';
import { createLogger } from '@/utils/shared/logger';

/** The user's settings, live (changes from other pages arrive too); undefined until first loaded. */
export function useSettings(): {
  settings: Settings | undefined;
  update: (patch: Partial<Settings>) => Promise<Settings>;
} {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let active = true;
    const stop = watchSettings((next) => setSettings(next));
    loadSettings().then(
      (loaded) => {
        if (active) setSettings(loaded);
      },
      // loadSettings falls back to the defaults for bad stored values; only unreadable storage lands here.
      // Then the defaults show, and a later change still arrives through the watch.
      (error: unknown) => {
        createLogger('settings').warn(`Could not read settings: ${describeError(error)}`);
        if (active) setSettings(DEFAULT_SETTINGS);
      },
    );
    return () => {
      active = false;
      stop();
    };
  }, []);
  const update = useCallback(async (patch: Partial<Settings>) => {
    const next = await updateSettings(patch);
    setSettings(next);
    return next;
  }, []);
  return { settings, update };
}
