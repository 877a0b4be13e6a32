/*
 * Generates the API contract's code from plugins/reliability-backend/openapi.yaml,
 * the one source of truth for the REST API:
 *
 *   - plugins/reliability-common/src/generated/openapi.ts: the request and
 *     response types (openapi-typescript), which -common's API types alias
 *     and the frontend client is typed by;
 *   - plugins/reliability-backend/src/generated/router.ts: the spec as a
 *     const object and the validated router typed from it
 *     (@backstage/backend-openapi-utils).
 *
 *   npm run generate:api            rewrites both files
 *   npm run generate:api -- --check fails (exit 1) when either is out of date
 *
 * Backstage's own `backstage-repo-tools package schema openapi generate`
 * writes the same two kinds of file but runs a Java generator it downloads
 * from Maven Central at run time; this script needs only npm packages.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse as parseYaml } from 'yaml';

// Prettier 2 (the repo's formatter) ships no type declarations; these are
// the two functions used here.
const prettier: {
  resolveConfig(path: string): Promise<Record<string, unknown> | null>;
  format(source: string, options: Record<string, unknown>): string;
} = require('prettier');

const root = resolve(__dirname, '..');
const specPath = resolve(root, 'plugins/reliability-backend/openapi.yaml');
const modelsPath = resolve(
  root,
  'plugins/reliability-common/src/generated/openapi.ts',
);
const routerPath = resolve(
  root,
  'plugins/reliability-backend/src/generated/router.ts',
);

const REGENERATE = 'npm run generate:api';

function header(): string {
  return [
    '// ******************************************************************',
    `// Generated from ${relative(root, specPath)} — do not edit.`,
    `// Regenerate with \`${REGENERATE}\` after changing the spec;`,
    `// \`${REGENERATE} -- --check\` (run by CI) fails when this file is stale.`,
    '// ******************************************************************',
    '/* eslint-disable */',
    '',
  ].join('\n');
}

async function format(source: string): Promise<string> {
  const options = (await prettier.resolveConfig(root)) ?? {};
  return prettier.format(source, { ...options, parser: 'typescript' });
}

// The generated types are part of -common's public API, whose report (API
// Extractor) requires a release tag on every top-level declaration and
// accepts only TSDoc: openapi-typescript's JSDoc `@description` becomes plain
// text, its `@enum {…}` lines go (the type is the union), and descriptions
// are dedented so a Markdown code fence opens at the start of its line.
function asTsDoc(source: string): string {
  return source
    .replace(/^\s*\/\*\* @enum \{[^}]*\} \*\/\n/gm, '')
    .replace(/^\s*\* @enum \{[^}]*\}\n/gm, '')
    .replace(/@description /g, '')
    .replace(/\/\*\*\n[\s\S]*?\*\//g, dedentComment)
    .replace(
      /^export (?:interface|type) (\$?\w+)/gm,
      (line, name) =>
        `/** The spec's \`${name}\`, generated. @public */\n${line}`,
    );
}

/**
 * openapi-typescript indents the lines of a multi-line description after its
 * first; this removes that indentation (the smallest one found).
 */
function dedentComment(comment: string): string {
  const indents = comment
    .split('\n')
    .map(line => /^\s*\* ( +)\S/.exec(line)?.[1].length)
    .filter((indent): indent is number => indent !== undefined);
  if (indents.length === 0) {
    return comment;
  }
  const indent = new RegExp(`^(\\s*\\* ) {${Math.min(...indents)}}`, 'gm');
  return comment.replace(indent, '$1');
}

async function generateModels(): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath));
  return format(`${header()}\n${asTsDoc(astToString(ast))}`);
}

async function generateRouter(): Promise<string> {
  const spec = parseYaml(readFileSync(specPath, 'utf8'));
  return format(`${header()}
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

/** The OpenAPI document of the reliability API, as a const for typing. */
export const spec = ${JSON.stringify(spec, null, 2)} as const;

/** A router that validates requests against {@link spec} before the handlers. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>[1],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`);
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const outputs = [
    { path: modelsPath, content: await generateModels() },
    { path: routerPath, content: await generateRouter() },
  ];
  const stale: string[] = [];
  for (const { path, content } of outputs) {
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) {
      continue;
    }
    if (check) {
      stale.push(relative(root, path));
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      process.stdout.write(`wrote ${relative(root, path)}\n`);
    }
  }
  if (stale.length > 0) {
    process.stderr.write(
      `error: generated from ${relative(
        root,
        specPath,
      )} but out of date:\n${stale
        .map(p => `  ${p}\n`)
        .join('')}Run \`${REGENERATE}\` and commit the result.\n`,
    );
    process.exitCode = 1;
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
