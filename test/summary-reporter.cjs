// The spec reporter, closed by the plain line CI reads: "N passed, N failed".
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      process.stdout.write(
        `${passes} passed, ${failures} failed, ${pending} skipped\n`,
      );
    });
  }
}

module.exports = SummaryReporter;
