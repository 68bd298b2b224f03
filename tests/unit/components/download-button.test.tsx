import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DownloadButton } from '@/components/download-button';

const labels = { label: 'Download JSON', busyLabel: 'Saving…', onDownload: () => {} };

describe('DownloadButton', () => {
  it('should show its short label and name what it downloads for screen readers only', () => {
    const html = renderToStaticMarkup(<DownloadButton {...labels} busy={false} subject="Trip to Busan" />);
    expect(html).toContain('Download JSON<span class="lb-visually-hidden">: Trip to Busan</span>');
    expect(html).toContain('aria-disabled="false"');
  });

  it('should say it is saving and stay focusable (aria-disabled, not disabled) while busy', () => {
    const html = renderToStaticMarkup(<DownloadButton {...labels} busy={true} />);
    expect(html).toContain('>Saving…</span>');
    expect(html).toContain('aria-disabled="true"');
    expect(html).not.toMatch(/\sdisabled=""/);
    expect(html).not.toContain('lb-visually-hidden');
  });

  it('should take the roving tabindex of a list row', () => {
    expect(renderToStaticMarkup(<DownloadButton {...labels} busy={false} tabIndex={-1} />)).toContain('tabindex="-1"');
  });
});
