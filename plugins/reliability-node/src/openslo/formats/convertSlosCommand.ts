import { convertSloText, formatOpenSloYaml } from './convertSloText';
import { readSloText } from './readSloText';
import type { SloFormatContext } from './types';

/** What the `convert-slos` command reads and writes. */
export interface CommandIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage: npm run convert-slos -- [--service <name>] [--sloth-window <duration>] <file>

Prints the OpenSLO v1 YAML of a Sloth (prometheus/v1 or PrometheusServiceLevel)
or Pyrra (ServiceLevelObjective) file; OpenSLO documents are printed as written.
Problems go to stderr. Exits with 1 when no SLO converts, 2 on bad usage.

  --service       spec.service of Pyrra SLOs (default: the SLO's name)
  --sloth-window  window of Sloth SLOs (default: 30d, as sloth generate)
`;

type CommandArgs =
  | { help: true }
  | { help: false; file: string; context: SloFormatContext }
  | { error: string };

// Hand-rolled rather than node:util's parseArgs: this package is also
// bundled for the browser.
function parseCommandArgs(args: readonly string[]): CommandArgs {
  const context: SloFormatContext = {};
  const files: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--help' || arg === '-h') {
      return { help: true };
    }
    if (arg === '--service' || arg === '--sloth-window') {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('--')) {
        return { error: `${arg} needs a value` };
      }
      index += 1;
      if (arg === '--service') {
        context.defaultService = value;
      } else {
        context.slothWindow = value;
      }
    } else if (arg.startsWith('-')) {
      return { error: `unknown option ${arg}` };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    return { error: 'give exactly one file' };
  }
  return { help: false, file: files[0], context };
}

/**
 * The `convert-slos` command: converts one SLO file to OpenSLO for teams
 * that migrate. The output is checked with the OpenSLO parser, so every
 * problem Preflight would show on the entity is printed too. Returns the
 * exit code. Pure apart from `io`.
 */
export function runConvertSlosCommand(
  args: readonly string[],
  io: CommandIo,
): number {
  const parsed = parseCommandArgs(args);
  if ('error' in parsed) {
    io.stderr(`convert-slos: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  const { file, context } = parsed;

  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: cannot read: ${(error as Error).message}\n`);
    return 1;
  }

  const conversion = convertSloText(text, context);
  const checked = readSloText(text, { entityRef: file, file }, context);
  for (const problem of checked.problems) {
    const where = problem.document
      ? ` document ${problem.document.index + 1}${
          problem.document.item !== undefined
            ? ` item ${problem.document.item + 1}`
            : ''
        }`
      : '';
    const field = problem.field ? ` ${problem.field}:` : '';
    io.stderr(
      `${file}:${where}:${field} ${problem.message}${
        problem.fix ? `\n  fix: ${problem.fix}` : ''
      }\n`,
    );
  }
  if (conversion.documents.length > 0) {
    io.stdout(
      formatOpenSloYaml(
        conversion.documents,
        `OpenSLO v1, converted by Preflight (npm run convert-slos) from ${file}`,
      ),
    );
  }
  if (checked.definitions.length === 0) {
    io.stderr(`${file}: no SLO converted\n`);
    return 1;
  }
  io.stderr(
    `${file}: ${checked.definitions.length} SLO objective(s) converted, ${checked.problems.length} problem(s)\n`,
  );
  return 0;
}
