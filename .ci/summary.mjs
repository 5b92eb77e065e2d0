// Prints the closing line CI reads: "N passed, N failed", from vitest's JSON report.
// A failed typecheck counts as one failure; a missing report means the tests did not run.
import { existsSync, readFileSync } from 'node:fs';

const [file, typecheckStatus] = process.argv.slice(2);
let passed = 0;
let failed = Number(typecheckStatus) === 0 ? 0 : 1;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.success || report.numFailedTests > 0 ? 0 : 1);
} else {
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
