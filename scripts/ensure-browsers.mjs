// Checks, before the end-to-end tests, that the browsers and the build they need are here, and says what to
// do when they are not (the tests never download a browser).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const problems = [];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(chromium))
  problems.push(`Chromium not found at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
if (!existsSync(firefox))
  problems.push(`Firefox ESR not found at ${firefox}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
  if (!existsSync(resolve(dir, 'manifest.json'))) problems.push(`${dir} is missing: run npm run build first.`);
}
if (problems.length > 0) {
  console.error(`Cannot run the end-to-end tests:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
