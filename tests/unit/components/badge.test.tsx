import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Badge } from '@/components/badge';
import { ArchiveIcon } from '@/components/icons';

describe('Badge', () => {
  it('should read as its text, with its icon hidden from screen readers', () => {
    const html = renderToStaticMarkup(<Badge icon={<ArchiveIcon size={12} />}>Archived in ChatGPT</Badge>);
    expect(html).toMatch(/^<span class="lb-badge"><svg [^>]*aria-hidden="true"/);
    expect(html).toContain('</svg>Archived in ChatGPT</span>');
  });
});
