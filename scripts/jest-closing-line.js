// Ends every Jest run with one plain line that any CI log reader understands. Jest prints its own
// summary after the reporters run, so the line is written as the process exits.
export default class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.once('exit', () => {
      process.stdout.write(`\njest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    });
  }
}
