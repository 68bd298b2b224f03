import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, ROOT } from './extension';

// The built manifests are the privacy promise: host access to ChatGPT and its status page only.

const manifests = {
  chrome: JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')),
  firefox: JSON.parse(readFileSync(join(ROOT, '.output', 'firefox-mv2', 'manifest.json'), 'utf8')),
};
const HOSTS = ['https://chat.openai.com/*', 'https://chatgpt.com/*', 'https://status.openai.com/*'];

describe('built manifests', () => {
  it('should ask Chrome for host access to ChatGPT and its status page only', () => {
    expect([...manifests.chrome.host_permissions].sort()).toEqual(HOSTS);
    expect([...manifests.chrome.permissions].sort()).toEqual(['downloads', 'offscreen', 'storage', 'unlimitedStorage']);
  });

  it('should ask Firefox for the same, with no offscreen permission', () => {
    const hosts = manifests.firefox.permissions.filter((p: string) => p.includes('://'));
    expect([...hosts].sort()).toEqual(HOSTS);
    expect(manifests.firefox.permissions).not.toContain('offscreen');
    expect(manifests.firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['none'],
    });
  });

  it.each(Object.entries(manifests))(
    'should run content scripts on the two ChatGPT origins only (%s)',
    (_name, manifest) => {
      for (const script of manifest.content_scripts) {
        expect([...script.matches].sort()).toEqual(['https://chat.openai.com/*', 'https://chatgpt.com/*']);
      }
      expect(manifest.content_scripts.map((s: { world?: string }) => s.world ?? 'ISOLATED').sort()).toEqual([
        'ISOLATED',
        'MAIN',
      ]);
    },
  );
});
