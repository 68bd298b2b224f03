import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatRelativeTime, RelativeTime } from '@/components/relative-time';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it.each([
    ['en', 'now', NOW - 20_000],
    ['en', '5 minutes ago', NOW - 5 * MINUTE],
    ['en', '3 hours ago', NOW - 3 * HOUR],
    ['en', 'yesterday', NOW - DAY],
    ['en', '3 days ago', NOW - 3 * DAY],
    ['en', '2 weeks ago', NOW - 14 * DAY],
    ['en', 'last year', NOW - 400 * DAY],
    ['ko', '지금', NOW - 20_000],
    ['ko', '3시간 전', NOW - 3 * HOUR],
    ['ko', '어제', NOW - DAY],
    ['ko', '3일 전', NOW - 3 * DAY],
  ])('should say it in %s as "%s"', (locale, expected, value) => {
    expect(formatRelativeTime(value, NOW, locale)).toBe(expected);
  });
});

describe('RelativeTime', () => {
  it('should be a <time> with the machine-readable date and the full date on hover', () => {
    const html = renderToStaticMarkup(<RelativeTime value={NOW - 2 * HOUR} now={NOW} locale="en" />);
    expect(html).toMatch(/datetime="2026-11-25T10:00:00.000Z"/i);
    expect(html).toMatch(/title="November 25, 2026 at \d{1,2}:00\s?[AP]M"/);
    expect(html).toContain('>2 hours ago</time>');
  });
});
