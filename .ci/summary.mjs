// Adds up the Vitest JSON reports of both database runs and the static checks, and prints the plain
// closing line CI reads: "N passed, N failed". Exits non-zero when anything failed or a report is missing.
// Each report comes as "file:status", the status being the runner's exit code: a run that exited non-zero
// with no failed test met errors outside the tests (an unhandled rejection, a crashed worker), and counts
// as one failure, so that the closing line agrees with the exit status.
import { existsSync, readFileSync } from 'node:fs';

const [checksPassed, checksFailed, ...reports] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);
for (const argument of reports) {
  const separator = argument.lastIndexOf(':');
  const file = argument.slice(0, separator);
  const status = Number(argument.slice(separator + 1));
  if (!existsSync(file)) {
    console.log(`${file}: no report (the run did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(
    `${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''} in ${report.numTotalTestSuites} suites`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numFailedTests === 0 && (report.numFailedTestSuites > 0 || status !== 0)) {
    console.log(
      `${file}: the runner exited with status ${status} although no test failed; see its errors above`,
    );
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
