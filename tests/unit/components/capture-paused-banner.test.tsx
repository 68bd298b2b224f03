import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CapturePausedBanner } from '@/components/capture-paused-banner';

describe('CapturePausedBanner', () => {
  it('should say what is paused and offer the button that turns it back on', () => {
    const html = renderToStaticMarkup(
      <CapturePausedBanner message="Saving is paused." actionLabel="Turn on" onResume={() => {}} />,
    );
    expect(html).toContain('<p class="lb-banner__text">Saving is paused.</p>');
    expect(html).toMatch(/<button type="button"[^>]*>.*Turn on<\/span><\/button>/);
  });
});
