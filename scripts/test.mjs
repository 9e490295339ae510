// `npm test`: lint (Nx module boundaries, domain purity), type check, then every Jest tier
// against the local PostgreSQL and RabbitMQ. The system tier stops and starts the broker, so it
// runs alone after the others. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
mkdirSync(path.join(root, 'tmp'), { recursive: true });

const totals = { passed: 0, failed: 0 };
let failedSteps = [];

function step(name, command, args) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const { status } = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  console.log(`=== ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) failedSteps.push(name);
}

function jest(name, args) {
  const report = path.join(root, 'tmp', `jest-${name}.json`);
  step(`jest ${name}`, bin('jest'), ['-c', 'jest.config.cjs', '--ci', '--json', `--outputFile=${report}`, ...args]);
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
  } catch {
    totals.failed += 1;
  }
}

step('lint', bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static', '--skip-nx-cache']);
step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
jest('unit-and-integration', ['--selectProjects', 'unit', 'integration']);
jest('system', ['--selectProjects', 'system', '--runInBand']);

console.log(`\n${failedSteps.length ? `Failed steps: ${failedSteps.join(', ')}` : 'All steps passed.'}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
