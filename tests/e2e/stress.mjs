// Runs the e2e suite repeatedly beside competing CPU load, to show it does not flake on a busy machine:
//   npm run test:e2e:stress [-- --runs N] [-- --load P]
// builds the e2e app once, starts P busy processes (default 2, one per core here), runs the suite N times (default 5),
// and reports each run's wall time and every failed test by name. Exits 1 if any run failed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, load: { type: 'string', default: '2' } },
});
const runs = Number(values.runs);
const load = Number(values.load);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(load) || load < 0) {
  console.error('test:e2e:stress: --runs must be a whole number ≥ 1 and --load a whole number ≥ 0');
  process.exit(1);
}

/** Runs a command to the end with inherited output; exits the script if it fails. */
function must(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

must('node', ['tests/e2e/ensure-chromium.mjs']);
must('npx', ['vite', 'build', '--mode', 'e2e']);

// Busy loops at the same priority as the suite: the load a developer's other work puts on the machine.
const busy = Array.from({ length: load }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoad = () => busy.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stopLoad);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const OUT = 'test-results/stress';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

/** The suite once; resolves with its wall time, the tests counted and the names of the failed ones. */
function runSuite(index) {
  const report = join(OUT, `run-${index}.json`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => {
      const seconds = (Date.now() - started) / 1000;
      let tests = 0;
      const failed = [];
      try {
        const json = JSON.parse(readFileSync(report, 'utf8'));
        for (const file of json.testResults) {
          for (const test of file.assertionResults) {
            tests++;
            if (test.status === 'failed') failed.push(`${file.name.replace(`${process.cwd()}/`, '')} > ${test.fullName}`);
          }
          // A file that failed outside any test (a hook, an import) has no failed assertion to name.
          if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'))
            failed.push(`${file.name.replace(`${process.cwd()}/`, '')} (outside a test: ${String(file.message).split('\n')[0]})`);
        }
      } catch (error) {
        failed.push(`no report from the run (${String(error)})`);
      }
      if (code !== 0 && failed.length === 0) failed.push(`vitest exited ${code}`);
      resolve({ seconds, tests, failed });
    });
  });
}

const results = [];
for (let index = 1; index <= runs; index++) {
  console.log(`\n=== stress run ${index} of ${runs}, beside ${load} busy process(es) ===`);
  const result = await runSuite(index);
  results.push(result);
  console.log(`=== run ${index}: ${result.failed.length ? 'FAILED' : 'passed'}, ${result.tests} tests, ${result.seconds.toFixed(0)} s`);
  for (const name of result.failed) console.log(`    failed: ${name}`);
}

const passed = results.filter((r) => r.failed.length === 0).length;
console.log(`\n=== e2e under load (${load} busy process(es)): ${passed} of ${runs} runs passed`);
results.forEach((r, i) =>
  console.log(`  run ${i + 1}: ${r.failed.length ? `${r.failed.length} failed` : 'passed'}, ${r.seconds.toFixed(0)} s`),
);
process.exit(passed === runs ? 0 : 1);
