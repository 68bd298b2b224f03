import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '@/utils/settings/model';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings/settings-store';

/** The user's settings, live (changes from other pages arrive too); undefined until first loaded. */
export function useSettings(): {
  settings: Settings | undefined;
  update: (patch: Partial<Settings>) => Promise<Settings>;
} {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let active = true;
    const stop = watchSettings((next) => setSettings(next));
    loadSettings().then((loaded) => {
      if (active) setSettings(loaded);
    });
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
