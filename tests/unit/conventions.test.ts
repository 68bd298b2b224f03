import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

const entrypointScripts = filesUnder('entrypoints').filter(
  (path) => /(^|\/)(background|[\w-]+\.content|main)\.tsx?$/.test(path) || /^entrypoints\/[\w.-]+\.ts$/.test(path),
);

describe('conventions', () => {
  it.each(entrypointScripts)('%s should only wire (at most 45 lines)', (path) => {
    expect(read(path).trimEnd().split('\n').length).toBeLessThanOrEqual(45);
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
    const names = readdirSync(join(ROOT, 'entrypoints')).map((name) => name.replace(/\.tsx?$/, ''));
    for (const name of names) expect(readme, `README does not mention entrypoints/${name}`).toContain(name);
  });

  it('should keep utils/ free of React and of each other feature’s internals', () => {
    for (const path of filesUnder('utils')) {
      const source = read(path);
      const feature = relative('utils', path).split('/')[0];
      expect(source, `${path} imports React`).not.toMatch(/from 'react'/);
      for (const [, other, file] of source.matchAll(/from '@\/utils\/([\w-]+)\/([\w-]+)'/g)) {
        const allowed =
          other === feature || other === 'db' || other === 'shared' || other === 'messaging' || file === 'model';
        expect(allowed, `${path} imports @/utils/${other}/${file}`).toBe(true);
      }
    }
  });

  it('should not open the archive database from a content script', () => {
    for (const path of entrypointScripts.filter((p) => p.includes('.content.'))) {
      expect(read(path), path).not.toMatch(/utils\/db\//);
    }
  });
});
