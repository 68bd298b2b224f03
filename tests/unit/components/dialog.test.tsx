import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Dialog } from '@/components/dialog';

describe('Dialog', () => {
  it('should be a native dialog labelled by its title, closed until shown', () => {
    const html = renderToStaticMarkup(
      <Dialog open={false} onClose={() => {}} title="Delete prompt?" closeLabel="Close">
        <p>This cannot be undone.</p>
      </Dialog>,
    );
    const titleId = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toMatch(/^<dialog class="lb-dialog"/);
    expect(html).not.toMatch(/<dialog[^>]* open/);
    expect(html).toContain(`<h2 id="${titleId}" class="lb-dialog__title">Delete prompt?</h2>`);
    expect(html).toContain('aria-label="Close"');
    expect(html).toContain('This cannot be undone.');
  });

  it('should render the footer only when given one', () => {
    const props = { open: false, onClose: () => {}, title: 'T', closeLabel: 'Close' };
    expect(renderToStaticMarkup(<Dialog {...props}>x</Dialog>)).not.toContain('lb-dialog__footer');
    expect(
      renderToStaticMarkup(
        <Dialog {...props} footer={<button type="button">OK</button>}>
          x
        </Dialog>,
      ),
    ).toContain('lb-dialog__footer');
  });
});
