/*
 * The README's installation snippets, read and applied to a scaffolded app
 * the way an adopter follows them. The adopter test wires an app only through
 * these functions, so a README that drifts from what works fails the test.
 * Each snippet is the fenced code block right after an
 * `<!-- adopter-test:NAME -->` comment.
 */

/** The snippets the adopter test applies, by marker name. */
export type SnippetName =
  | 'install'
  | 'backend'
  | 'config'
  | 'config-check'
  | 'app-new';

const SNIPPET_NAMES: SnippetName[] = [
  'install',
  'backend',
  'config',
  'config-check',
  'app-new',
];

/** Finds every marked snippet; throws naming the markers that are missing. */
export function readReadmeSnippets(
  markdown: string,
): Record<SnippetName, string> {
  const found = new Map<string, string>();
  const marker =
    /<!--\s*adopter-test:([\w-]+)\s*-->\s*\n\s*```[\w-]*\n([\s\S]*?)\n```/g;
  for (const match of markdown.matchAll(marker)) {
    if (found.has(match[1])) {
      throw new Error(
        `README: the snippet "adopter-test:${match[1]}" is marked twice`,
      );
    }
    found.set(match[1], match[2]);
  }
  const missing = SNIPPET_NAMES.filter(name => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `README: no code block after ${missing
        .map(name => `<!-- adopter-test:${name} -->`)
        .join(', ')}`,
    );
  }
  return Object.fromEntries(
    SNIPPET_NAMES.map(name => [name, found.get(name)!]),
  ) as Record<SnippetName, string>;
}

/** One `yarn workspace <workspace> add <packages...>` line of the README. */
export interface WorkspaceAdd {
  workspace: string;
  packages: string[];
}

/**
 * The install snippet as workspace/package pairs. Only `yarn workspace X add`
 * lines are accepted, so a README command the test cannot follow fails here.
 */
export function parseInstallCommands(snippet: string): WorkspaceAdd[] {
  const commands = snippet
    .split('\n')
    .map(line => line.replace(/#.*$/, '').trim())
    .filter(line => line !== '');
  return commands.map(line => {
    const match = /^yarn workspace (\S+) add((?: [^\s-]\S*)+)$/.exec(line);
    if (!match) {
      throw new Error(
        `README install snippet: "${line}" is not "yarn workspace <name> add <packages>"`,
      );
    }
    return { workspace: match[1], packages: match[2].trim().split(/\s+/) };
  });
}

/** Adds the backend snippet before `backend.start();`, as the README says. */
export function addToBackendIndex(indexTs: string, snippet: string): string {
  const start = indexTs.lastIndexOf('backend.start();');
  if (start < 0) {
    throw new Error(
      'packages/backend/src/index.ts has no "backend.start();" to add the README lines before',
    );
  }
  return `${indexTs.slice(0, start)}${snippet.trim()}\n\n${indexTs.slice(
    start,
  )}`;
}

/**
 * Applies the new frontend system snippet to the scaffold's App.tsx: its
 * imports after the app's last import, and the features it lists appended
 * to the app's own `features: [...]` (the snippet's comment stands for the
 * app's existing features, which stay).
 */
export function addToAppFeatures(appTsx: string, snippet: string): string {
  const imports = snippet
    .split('\n')
    .filter(line => line.startsWith('import '));
  const listed = /features:\s*\[([\s\S]*?)\]/.exec(snippet);
  if (imports.length === 0 || !listed) {
    throw new Error(
      'README app-new snippet: expected import lines and a features: [...] list',
    );
  }
  const added = listed[1]
    .split('\n')
    .map(line => line.replace(/\/\/.*$/, '').trim())
    .join(' ')
    .split(',')
    .map(feature => feature.trim())
    .filter(feature => feature !== '');
  if (added.length === 0) {
    throw new Error('README app-new snippet: its features list adds nothing');
  }

  const features = /features:\s*\[([\s\S]*?)\]/.exec(appTsx);
  if (!features) {
    throw new Error(
      'packages/app/src/App.tsx has no createApp({ features: [...] }) to add to',
    );
  }
  const existing = features[1].trim().replace(/,$/, '');
  const merged = `features: [${[existing, ...added]
    .filter(part => part !== '')
    .join(', ')}]`;
  let result =
    appTsx.slice(0, features.index) +
    merged +
    appTsx.slice(features.index + features[0].length);

  const importLines = [...result.matchAll(/^import [\s\S]*?;$/gm)];
  const afterImports =
    importLines.length === 0
      ? 0
      : importLines[importLines.length - 1].index! +
        importLines[importLines.length - 1][0].length;
  result = `${result.slice(0, afterImports)}\n${imports.join(
    '\n',
  )}${result.slice(afterImports)}`;
  return result;
}
