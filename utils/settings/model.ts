import { z } from 'zod';

/** The user's settings. */
export const SettingsSchema = z.strictObject({
  /** Capture conversations opened on chatgpt.com into the archive. */
  captureEnabled: z.boolean(),
  /** Show a short "Saved to Lifeboat" notice on chatgpt.com after a capture. */
  showCaptureNotice: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = { captureEnabled: true, showCaptureNotice: true };

/**
 * Reads stored settings field by field: a value written by an older version, by hand or by a bug falls back to
 * its default instead of breaking the extension, and unknown fields are dropped.
 */
export function parseStoredSettings(value: unknown): Settings {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const field = schema.safeParse(stored[key]);
    if (field.success) settings[key] = field.data;
  }
  return settings as Settings;
}
