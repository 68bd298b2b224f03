import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Architecture rules from docs/style.md, checked so they do not live only in people's heads.

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

const sources = ['entrypoints', 'utils', 'components', 'hooks']
  .filter((dir) => existsSync(join(ROOT, dir)))
  .flatMap(filesUnder)
  .filter((path) => /\.tsx?$/.test(path));
const entrypointScripts = sources.filter(
  (path) => /^entrypoints\/[\w.-]+\.ts$/.test(path) || /^entrypoints\/[\w-]+\/main\.tsx?$/.test(path),
);

/** The project files a module imports, resolved from `@/…` and relative specifiers. */
function importsOf(path: string): string[] {
  return [...read(path).matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].flatMap(([, specifier = '']) => {
    const base = specifier.startsWith('@/')
      ? specifier.slice(2)
      : specifier.startsWith('.')
        ? join(dirname(path), specifier)
        : undefined;
    if (base === undefined) return [];
    const file = ['.ts', '.tsx', '/index.ts']
      .map((ext) => base + ext)
      .find((candidate) => existsSync(join(ROOT, candidate)));
    return file === undefined ? [] : [file];
  });
}

/** Every project file reachable from `entry` through imports. */
function reachableFrom(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  for (const file of seen) for (const next of importsOf(file)) seen.add(next);
  return seen;
}

describe('conventions', () => {
  it.each(entrypointScripts)('%s should only wire (at most 40 lines)', (path) => {
    expect(read(path).trimEnd().split('\n').length).toBeLessThanOrEqual(40);
  });

  it('should give every Dexie version above 1 a migration test', () => {
    const versions = [...read('utils/db/database.ts').matchAll(/this\.version\((\d+)\)/g)].map((m) => Number(m[1]));
    expect(versions[0]).toBe(1);
    const tests = read('tests/unit/utils/db/database.test.ts');
    for (const version of versions.filter((v) => v > 1)) {
      expect(tests, `no test names "v${version}"`).toMatch(new RegExp(`\\bv${version}\\b`));
    }
  });

  it('should name every entrypoint in the README', () => {
    const readme = read('README.md');
    for (const name of readdirSync(join(ROOT, 'entrypoints'))) {
      const shown = statSync(join(ROOT, 'entrypoints', name)).isDirectory()
        ? `\`entrypoints/${name}/\``
        : `\`entrypoints/${name}\``;
      expect(readme, `README does not list ${shown}`).toContain(shown);
    }
  });

  it('should keep utils/ free of React and of other features’ internals', () => {
    for (const path of sources.filter((p) => p.startsWith('utils/'))) {
      const feature = relative('utils', path).split('/')[0];
      expect(read(path), `${path} imports React`).not.toMatch(/from 'react'/);
      for (const imported of importsOf(path).filter((p) => p.startsWith('utils/'))) {
        const [, other, file] = imported.split('/');
        const allowed = other === feature || ['db', 'shared', 'messaging'].includes(other ?? '') || file === 'model.ts';
        expect(allowed, `${path} imports ${imported}`).toBe(true);
      }
    }
  });

  it('should not let one entrypoint import another', () => {
    for (const path of sources) expect(read(path), path).not.toMatch(/from '@\/entrypoints\//);
  });

  it('should not open the archive database from a content script, even indirectly', () => {
    for (const entry of entrypointScripts.filter((p) => p.includes('.content.'))) {
      const reached = [...reachableFrom(entry)];
      expect(
        reached.filter((file) => file.startsWith('utils/db/')),
        entry,
      ).toEqual([]);
    }
  });

  it('should keep the MAIN-world page hook free of heavy dependencies', () => {
    const hook = entrypointScripts.find((p) => p.includes('hook.content'));
    expect(hook).toBeDefined();
    for (const file of reachableFrom(hook ?? '')) expect(read(file), file).not.toMatch(/from 'zod'/);
  });
});
