import { readFileSync } from 'fs';
import { join } from 'path';
import { parseOpenSloDocuments } from '../parseOpenSloDocuments';
import { runConvertSlosCommand } from './convertSlosCommand';

const files: Record<string, string> = {
  'sloth.yaml': readFileSync(
    join(__dirname, '__fixtures__', 'sloth-checkout-api.yaml'),
    'utf8',
  ),
  'pyrra.yaml': readFileSync(
    join(__dirname, '__fixtures__', 'pyrra-slos.yaml'),
    'utf8',
  ),
  'plugin-only.yaml': `
version: prometheus/v1
service: cart
slos:
  - name: availability
    objective: 99
    sli: { plugin: { id: cart-availability } }
`,
};

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runConvertSlosCommand(args, {
    readFile: path => {
      if (!(path in files)) {
        throw new Error('ENOENT: no such file');
      }
      return files[path];
    },
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('convert-slos command', () => {
  it('prints OpenSLO that parses, and the problems on stderr', () => {
    const { code, stdout, stderr } = run('sloth.yaml');
    expect(code).toBe(0);
    const parsed = parseOpenSloDocuments(stdout, {
      entityRef: 'component:default/checkout-api',
      file: 'converted.yaml',
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.definitions.map(definition => definition.target)).toEqual([
      0.999, 0.99, 0.995,
    ]);
    expect(stderr).toContain(
      'sloth.yaml: document 1: slos[3].sli.plugin: Sloth prometheus/v1: the SLI plugin "sloth-common/kubernetes/apiserver/availability"',
    );
    expect(stderr).toContain('3 SLO objective(s) converted, 9 problem(s)');
  });

  it('names Pyrra SLOs’ service with --service', () => {
    const { code, stdout } = run('--service', 'ledger-api', 'pyrra.yaml');
    expect(code).toBe(0);
    const parsed = parseOpenSloDocuments(stdout, {
      entityRef: 'component:default/ledger-api',
      file: 'converted.yaml',
    });
    expect(parsed.definitions).toHaveLength(4);
    expect(
      new Set(parsed.definitions.map(definition => definition.service)),
    ).toEqual(new Set(['ledger-api']));
  });

  it('uses --sloth-window as the window of Sloth SLOs', () => {
    const { stdout } = run('--sloth-window', '28d', 'sloth.yaml');
    expect(stdout).toContain('duration: 28d');
    expect(stdout).not.toContain('duration: 30d');
  });

  it('exits with 1 when nothing converts', () => {
    const { code, stdout, stderr } = run('plugin-only.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('slos[0].sli.plugin');
    expect(stderr).toContain('plugin-only.yaml: no SLO converted');
  });

  it('exits with 1 for a missing file and 2 for bad usage', () => {
    expect(run('missing.yaml')).toMatchObject({
      code: 1,
      stderr: 'missing.yaml: cannot read: ENOENT: no such file\n',
    });
    expect(run().code).toBe(2);
    expect(run('a.yaml', 'b.yaml').code).toBe(2);
    expect(run('--window', '7d', 'sloth.yaml').code).toBe(2);
  });
});
