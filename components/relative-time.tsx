/** Props of RelativeTime. */
export interface RelativeTimeProps {
  /** Epoch milliseconds. */
  value: number;
  /** Epoch milliseconds of "now"; pass a ticking value to keep the text fresh. */
  now: number;
  /** BCP 47 language of the UI, e.g. "ko" or "en-US". */
  locale: string;
  className?: string;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "yesterday", "3시간 전": `value` relative to `now`, in the largest unit that fits. */
export function formatRelativeTime(value: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const diff = value - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  // Under a minute reads "now" / "지금" rather than a count of seconds that changes while you look at it.
  return format.format(0, 'second');
}

/** A full date and time for tooltips and detail views, e.g. "March 4, 2026 at 9:12 PM". */
export function formatDateTime(value: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(value);
}

/** A `<time>` that reads relative to now and shows the full date on hover. */
export function RelativeTime({ value, now, locale, className }: RelativeTimeProps) {
  return (
    <time className={className} dateTime={new Date(value).toISOString()} title={formatDateTime(value, locale)}>
      {formatRelativeTime(value, now, locale)}
    </time>
  );
}
