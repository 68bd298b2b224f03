import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every text colour the UI draws, on every background it is drawn on, must reach WCAG AA (4.5:1) in light and
// dark. The tokens are read from theme.css itself, so changing a colour there is checked here.
// https://www.w3.org/TR/WCAG22/#contrast-minimum

const THEME = readFileSync(join(import.meta.dirname, '..', '..', '..', 'components', 'theme.css'), 'utf8');

type Palette = Map<string, string>;

function declarations(block: string): Palette {
  const palette: Palette = new Map();
  for (const [, name, hex] of block.matchAll(/(--color-[\w-]+):\s*(#[0-9a-f]{6})\b/gi)) {
    if (name !== undefined && hex !== undefined) palette.set(name, hex);
  }
  return palette;
}

/** The light palette (`:root`) and the dark one (light overridden by the `prefers-color-scheme: dark` block). */
function palettes(css: string): { light: Palette; dark: Palette } {
  const [lightPart = '', darkPart = ''] = css.split('@media (prefers-color-scheme: dark)');
  const light = declarations(lightPart.slice(0, lightPart.indexOf('}')));
  const dark = new Map([...light, ...declarations(darkPart.slice(0, darkPart.indexOf('}\n}')))]);
  return { light, dark };
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two opaque colours. */
function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `top` at `alpha` over `bottom`, as one opaque colour. */
function blend(top: string, alpha: number, bottom: string): string {
  const [t, b] = [channels(top), channels(bottom)];
  return `#${t
    .map((value, i) =>
      Math.round(value * alpha + (b[i] ?? 0) * (1 - alpha))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

// [text, background, where it is used]. A name is a theme token; `#…` is a literal colour from a component.
const TEXT_PAIRS: readonly [string, string, string][] = [
  ['--color-text', '--color-bg', 'body text, page titles'],
  ['--color-text', '--color-surface', 'cards, rows, popup, secondary buttons'],
  ['--color-text', '--color-surface-hover', 'hovered rows, links and buttons'],
  ['--color-text', '--color-surface-raised', 'dialogs'],
  ['--color-text', '--color-warning-soft', 'capture-paused banner'],
  ['--color-text', '--color-success-soft', 'privacy note'],
  ['--color-text', '--color-accent-soft', 'selected text'],
  ['--color-text-muted', '--color-bg', 'untitled chat heading, subtitles, back link, notes'],
  ['--color-text-muted', '--color-surface', 'row meta, hints, ghost buttons, sidebar links'],
  ['--color-text-muted', '--color-surface-hover', 'meta of a hovered row'],
  ['--color-text-muted', '--color-surface-sunken', 'model and "Archived in ChatGPT" badges, popup account'],
  ['--color-text-muted', '--color-surface-raised', 'dialog body'],
  ['--color-text-muted', '--color-success-soft', 'privacy detail'],
  ['--color-text-subtle', '--color-bg', 'sidebar account kind'],
  ['--color-text-subtle', '--color-surface', 'popup count and footer line, sidebar tagline'],
  ['--color-text-subtle', '--color-surface-hover', 'model name of a hovered popup row'],
  ['--color-text-subtle', '--color-surface-sunken', '"Coming soon" badges'],
  ['--color-accent-text', '--color-bg', 'links'],
  ['--color-accent-text', '--color-surface', 'links in cards'],
  ['--color-accent-soft-text', '--color-accent-soft', 'current sidebar section'],
  ['--color-accent-contrast', '--color-accent', 'primary button'],
  ['--color-accent-contrast', '--color-accent-hover', 'hovered primary button'],
  ['--color-accent-contrast', '--color-accent-active', 'pressed primary button'],
  ['#ffffff', '--color-danger-solid', 'danger button'],
  ['#ffffff', '--color-danger-solid-hover', 'hovered danger button'],
  ['#ffffff', '--color-avatar-start', 'account initial (gradient start)'],
  ['#ffffff', '--color-avatar-end', 'account initial (gradient end)'],
  ['--color-toast-text', '--color-toast-bg', 'toast message'],
  ['--color-toast-muted', '--color-toast-bg', 'toast detail, technical line, dismiss button'],
  ['--color-toast-text', 'hover:--color-toast-bg', 'hovered dismiss button (10% white over the toast)'],
];

function resolve(palette: Palette, colour: string): string {
  if (colour.startsWith('hover:')) return blend('#ffffff', 0.1, resolve(palette, colour.slice('hover:'.length)));
  if (colour.startsWith('#')) return colour;
  const value = palette.get(colour);
  if (value === undefined) throw new Error(`theme.css has no ${colour}`);
  return value;
}

describe('theme contrast', () => {
  const { light, dark } = palettes(THEME);

  it('should read both palettes from theme.css', () => {
    expect(light.get('--color-text')).toMatch(/^#/);
    expect(dark.get('--color-text')).not.toBe(light.get('--color-text'));
  });

  it.each(
    (['light', 'dark'] as const).flatMap((scheme) =>
      TEXT_PAIRS.map(([text, background, where]) => [scheme, text, background, where] as const),
    ),
  )('should give %s %s on %s (%s) at least 4.5:1', (scheme, text, background) => {
    const palette = scheme === 'light' ? light : dark;
    expect(contrastRatio(resolve(palette, text), resolve(palette, background))).toBeGreaterThanOrEqual(4.5);
  });

  it('should compute the ratios WCAG gives for known colours', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
