// Prints the closing line CI reads: "N passed, N failed", from vitest's JSON reports.
// Usage: node .ci/summary.mjs STATUS REPORT... ; a non-zero STATUS (a failed install or
// typecheck) counts as one failure, and a missing report means those tests did not run.
import { existsSync, readFileSync } from 'node:fs';

const [status, ...files] = process.argv.slice(2);
let passed = 0;
let failed = Number(status) === 0 ? 0 : 1;
for (const file of files) {
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.success || report.numFailedTests > 0 ? 0 : 1);
  } else {
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
