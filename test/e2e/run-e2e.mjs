// Runs the browser end-to-end tests with Node's test runner. The frontend is
// built first when its build is missing or older than its sources.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const appIndex = 'packages/app/dist/index.html';
const sourcesNewer = () =>
  execSync(
    `find packages/app/src plugins/reliability/src plugins/reliability-common/src -newer ${appIndex} -print -quit`,
  )
    .toString()
    .trim() !== '';
if (!fs.existsSync(appIndex) || sourcesNewer()) {
  execSync('npm run build:app', { stdio: 'inherit' });
}
execSync('node --import tsx --test --test-concurrency=1 test/e2e/*.e2e.ts', {
  stdio: 'inherit',
});
