// Characters that Windows, macOS or Linux refuse in a file name, plus control characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;

/** A file name made from user text (a chat title), safe on every desktop OS; Hangul and other scripts stay. */
export function safeFilename(text: string, fallback: string, maxLength = 80): string {
  const cleaned = text
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '');
  const cut = Array.from(cleaned).slice(0, maxLength).join('').trim();
  return cut === '' ? fallback : cut;
}
