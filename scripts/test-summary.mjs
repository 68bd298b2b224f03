// Prints one closing line for the whole `npm test` run, from the JSON reports of the unit and e2e suites:
// `tests: N passed, N failed, N skipped`. Exits non-zero if any test failed or none ran.
import { existsSync, readFileSync } from 'node:fs';

const reports = ['.tmp/unit-report.json', '.tmp/e2e-report.json'].filter((path) => existsSync(path));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of reports) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
