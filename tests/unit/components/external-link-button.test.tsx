import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExternalLinkButton } from '@/components/external-link-button';

describe('ExternalLinkButton', () => {
  const html = renderToStaticMarkup(
    <ExternalLinkButton href="https://chatgpt.com/" variant="primary" newTabLabel="(opens in a new tab)">
      Open ChatGPT
    </ExternalLinkButton>,
  );

  it('should open in a new tab without handing the other site a window.opener or a referrer', () => {
    expect(html).toMatch(/^<a [^>]*href="https:\/\/chatgpt.com\/"/);
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('should look like a button with a decorative icon', () => {
    expect(html).toContain('lb-button--primary');
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
  });

  it('should tell screen readers, and only them, that a new tab opens', () => {
    expect(html).toContain('Open ChatGPT<span class="lb-visually-hidden"> (opens in a new tab)</span>');
  });
});
