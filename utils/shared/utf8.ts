/**
 * How many bytes `text` takes in UTF-8, counted without encoding it (a 30 MB chat need not be copied to be
 * measured). A lone surrogate counts 3 bytes, as TextEncoder writes it (U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** SHA-256 of `text`'s UTF-8 bytes, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A size in MB of 2^20 bytes with one decimal, without the unit ("33.5"), for messages and notices. */
export function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}
