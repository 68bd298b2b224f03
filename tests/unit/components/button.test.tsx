import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button, ButtonLink, buttonClassName } from '@/components/button';
import { DownloadIcon } from '@/components/icons';

describe('Button', () => {
  it('should be a non-submitting secondary button unless told otherwise', () => {
    const html = renderToStaticMarkup(<Button>Save</Button>);
    expect(html).toContain('type="button"');
    expect(html).toContain('lb-button--secondary');
    expect(html).toContain('lb-button--md');
    expect(html).toContain('>Save</span>');
  });

  it('should apply the variant and size it is given', () => {
    const html = renderToStaticMarkup(
      <Button variant="primary" size="sm" type="submit">
        Go
      </Button>,
    );
    expect(html).toContain('type="submit"');
    expect(html).toContain('lb-button--primary');
    expect(html).toContain('lb-button--sm');
  });

  it('should name an icon-only button by its aria-label', () => {
    const html = renderToStaticMarkup(<Button icon={<DownloadIcon />} aria-label="Download" />);
    expect(html).toContain('aria-label="Download"');
    expect(html).toContain('lb-button--icon-only');
    expect(html).toContain('aria-hidden="true"');
  });

  it('should refuse, at compile time, an icon-only button without an accessible name', () => {
    // @ts-expect-error: an icon-only button must have an aria-label.
    const element = <Button icon={<DownloadIcon />} />;
    expect(element).toBeTruthy();
  });

  it('should render ButtonLink as a link that looks like a button', () => {
    const html = renderToStaticMarkup(
      <ButtonLink href="https://chatgpt.com/" variant="primary">
        Open
      </ButtonLink>,
    );
    expect(html).toMatch(/^<a class="lb-button lb-button--primary lb-button--md" href="https:\/\/chatgpt.com\/">/);
  });

  it('should join extra class names', () => {
    expect(buttonClassName({ variant: 'ghost', size: 'lg' }, 'extra')).toBe(
      'lb-button lb-button--ghost lb-button--lg extra',
    );
  });
});
