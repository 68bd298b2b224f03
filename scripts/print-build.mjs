// Printed after `npm run build`, so a new user knows what to load where.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv2');
for (const dir of [chrome, firefox]) {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    console.error(`Build output missing: ${dir}`);
    process.exit(1);
  }
}
console.log(`
Lifeboat is built.
  Chrome / Chromium / Edge: chrome://extensions → Developer mode → Load unpacked → ${chrome}
  Firefox:                  about:debugging#/runtime/this-firefox → Load Temporary Add-on → ${firefox}/manifest.json
`);
