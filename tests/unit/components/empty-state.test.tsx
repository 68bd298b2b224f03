import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmptyState } from '@/components/empty-state';
import { ArchiveIcon } from '@/components/icons';

describe('EmptyState', () => {
  it('should show a heading, the body and the action, with a decorative icon', () => {
    const html = renderToStaticMarkup(
      <EmptyState icon={<ArchiveIcon />} title="Nothing here" action={<a href="#go">Go</a>}>
        <p>Open a chat.</p>
      </EmptyState>,
    );
    expect(html).toContain('<h2 class="lb-empty__title">Nothing here</h2>');
    expect(html).toContain('<p>Open a chat.</p>');
    expect(html).toContain('<a href="#go">Go</a>');
    expect(html).toMatch(/class="lb-empty__icon" aria-hidden="true"/);
  });

  it('should use the heading level it is given and no action slot without an action', () => {
    const html = renderToStaticMarkup(
      <EmptyState icon={null} title="Nothing" headingLevel={3} size="compact">
        body
      </EmptyState>,
    );
    expect(html).toContain('<h3 class="lb-empty__title">Nothing</h3>');
    expect(html).toContain('lb-empty--compact');
    expect(html).not.toContain('lb-empty__action');
  });
});
