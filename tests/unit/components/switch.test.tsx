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

  it('should stay focusable but disabled, and say why, when it cannot be changed', () => {
    const html = renderToStaticMarkup(
      <Switch
        checked
        label="Show a notice"
        description="A short note appears."
        disabledReason="Turn on saving to use this."
        onChange={() => {}}
      />,
    );
    const [descriptionId, reasonId] = /aria-describedby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(html).toContain(`<p id="${descriptionId}" class="lb-switch__description">A short note appears.</p>`);
    expect(html).toContain(`<p id="${reasonId}" class="lb-switch__reason">Turn on saving to use this.</p>`);
    expect(html).toContain('aria-disabled="true"');
    expect(html).not.toMatch(/\sdisabled=""/);
    expect(html).toContain('class="lb-switch lb-switch--disabled"');
  });

  it('should not mark an enabled switch as disabled', () => {
    expect(renderToStaticMarkup(<Switch checked label="Notice" onChange={() => {}} />)).not.toContain('disabled');
  });
});
