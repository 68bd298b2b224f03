import { storage } from '#imports';
import { DEFAULT_SETTINGS, parseStoredSettings, type Settings, SettingsSchema } from './model';

// Settings live in extension storage (not IndexedDB) so content scripts can read them directly. What is stored
// is parsed again on every read (parseStoredSettings), so a broken value never breaks the extension.
const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

/** Returns the current settings, with defaults for anything missing or invalid. */
export async function loadSettings(): Promise<Settings> {
  return parseStoredSettings(await settingsItem.getValue());
}

/** Changes some settings and returns the full new set. Throws a ZodError if the patch is invalid. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `onChange` with the full settings whenever they change; returns a function that stops watching. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(parseStoredSettings(value)));
}
