import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Switch } from '@/components/switch';

describe('Switch', () => {
  it('should be a switch named by its label and described by its hint', () => {
    const html = renderToStaticMarkup(
      <Switch checked label="Save chats" description="Keeps a copy." onChange={() => {}} />,
    );
    const id = /<button id="([^"]+)"/.exec(html)?.[1];
    const descriptionId = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<label for="${id}" class="lb-switch__label">Save chats</label>`);
    expect(html).toContain(`<p id="${descriptionId}" class="lb-switch__description">Keeps a copy.</p>`);
    expect(html).toContain('role="switch"');
    expect(html).toContain('aria-checked="true"');
  });

  it('should report the off state', () => {
    const html = renderToStaticMarkup(<Switch checked={false} label="Notice" onChange={() => {}} />);
    expect(html).toContain('aria-checked="false"');
    expect(html).not.toContain('aria-describedby');
  });
});
