/**
 * ChatGPT timestamps come in three shapes: epoch seconds as floats (conversation JSON), ISO strings (the
 * conversation list) and, in some tools' output, epoch milliseconds. Returns epoch milliseconds, or undefined
 * when the value is missing or unreadable.
 */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Anything above 1e12 is already milliseconds (1e12 s would be the year 33658).
    return value > 1e12 ? Math.round(value) : Math.round(value * 1000);
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const asNumber = Number(value);
    if (Number.isFinite(asNumber)) return toEpochMs(asNumber);
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}
