import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProgressBar, progressFraction } from '@/components/progress-bar';

function attribute(html: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];
}

describe('ProgressBar', () => {
  it('should expose value, bounds and its visible label to assistive technology', () => {
    const html = renderToStaticMarkup(<ProgressBar label="Syncing chats" value={30} max={120} locale="en" />);
    expect(html).toContain('role="progressbar"');
    expect(attribute(html, 'aria-valuenow')).toBe('30');
    expect(attribute(html, 'aria-valuemin')).toBe('0');
    expect(attribute(html, 'aria-valuemax')).toBe('120');
    const labelId = attribute(html, 'aria-labelledby');
    expect(html).toContain(`id="${labelId}" class="lb-progress__label">Syncing chats</span>`);
    expect(html).toContain('25%');
  });

  it('should show counts and ETA and describe the bar with them', () => {
    const html = renderToStaticMarkup(
      <ProgressBar label="Exporting" value={1} max={4} countsText="1 of 4 chats" etaText="About 1 minute left" />,
    );
    const detailId = attribute(html, 'aria-describedby');
    expect(html).toContain(`id="${detailId}"`);
    expect(html).toContain('1 of 4 chats');
    expect(html).toContain('About 1 minute left');
    expect(attribute(html, 'aria-valuetext')).toBe('1 of 4 chats');
  });

  it('should leave out aria-valuenow while the total is unknown', () => {
    const html = renderToStaticMarkup(<ProgressBar label="Preparing" />);
    expect(html).not.toContain('aria-valuenow');
    expect(html).toContain('data-indeterminate');
  });

  it.each([
    [50, 100, 0.5],
    [150, 100, 1],
    [-5, 100, 0],
    [3, 0, undefined],
    [undefined, 100, undefined],
    [Number.NaN, 100, undefined],
  ])('should turn %s of %s into the fraction %s', (value, max, expected) => {
    expect(progressFraction(value, max)).toBe(expected);
  });
});
