/*
 * Converts a Sloth or Pyrra SLO file to OpenSLO v1 for teams that migrate:
 *
 *   npm run convert-slos -- slos/checkout-api.sloth.yaml > slos/checkout-api.yaml
 *   npx tsx scripts/convert-slos.ts --service ledger-api slos/ledger.pyrra.yaml
 *
 * The OpenSLO goes to stdout, problems to stderr; the exit code is 1 when
 * no SLO converts.
 */
import { readFileSync } from 'node:fs';
import { runConvertSlosCommand } from '@preflight/plugin-reliability-node/src/workspaceInternals';

process.exitCode = runConvertSlosCommand(process.argv.slice(2), {
  readFile: path => readFileSync(path, 'utf8'),
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
});
