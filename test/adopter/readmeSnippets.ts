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
  | 'app-new'
  | 'legacy-entity-page'
  | 'legacy-routes';

const SNIPPET_NAMES: SnippetName[] = [
  'install',
  'backend',
  'config',
  'config-check',
  'app-new',
  'legacy-entity-page',
  'legacy-routes',
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
  const result =
    appTsx.slice(0, features.index) +
    merged +
    appTsx.slice(features.index + features[0].length);
  return addImports(result, imports);
}

/** Adds import statements after a source file's last import. */
function addImports(source: string, imports: string[]): string {
  if (imports.length === 0) {
    return source;
  }
  const importLines = [...source.matchAll(/^import [\s\S]*?;$/gm)];
  const afterImports =
    importLines.length === 0
      ? 0
      : importLines[importLines.length - 1].index! +
        importLines[importLines.length - 1][0].length;
  return `${source.slice(0, afterImports)}\n${imports.join('\n')}${source.slice(
    afterImports,
  )}`;
}

/** The three files of a legacy scaffold's app the README's snippets edit. */
export interface LegacyAppSources {
  /** packages/app/src/components/catalog/EntityPage.tsx */
  'EntityPage.tsx': string;
  /** packages/app/src/App.tsx */
  'App.tsx': string;
  /** packages/app/src/components/Root/Root.tsx */
  'Root.tsx': string;
}

type LegacyFile = keyof LegacyAppSources;

/** One top-level JSX element of a legacy snippet, e.g. `<Grid item>...</Grid>`. */
interface SnippetElement {
  tag: string;
  text: string;
  file: LegacyFile;
  /** The EntityPage.tsx constants its section names (`overviewContent`...). */
  targets: string[];
}

/**
 * Reads a legacy snippet the way an adopter does: a `// App.tsx` comment
 * switches file (the first block starts in EntityPage.tsx); a comment naming
 * EntityPage.tsx constants (`// groupPage: ...`) says where the elements
 * below it go; import statements go to the current file.
 */
function parseLegacySnippet(
  snippet: string,
  marker: string,
): { imports: Map<LegacyFile, string[]>; elements: SnippetElement[] } {
  const imports = new Map<LegacyFile, string[]>();
  const elements: SnippetElement[] = [];
  let file: LegacyFile = 'EntityPage.tsx';
  let targets: string[] = [];
  const lines = snippet.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('//')) {
      const named = /^\/\/\s*(EntityPage|App|Root)\.tsx\b/.exec(line);
      if (named) {
        file = `${named[1]}.tsx` as LegacyFile;
        targets = [];
      } else if (/^\/\/\s*[a-z]+[A-Z]\w*\b/.test(line)) {
        // A comment opening with a camelCase name starts a section: the
        // names it lists (`// serviceEntityPage and websiteEntityPage`).
        targets = [...line.matchAll(/\b[a-z]+[A-Z]\w*\b/g)].map(m => m[0]);
      }
      continue;
    }
    const start = i;
    if (line.startsWith('import ')) {
      while (!lines[i].trimEnd().endsWith(';') && i < lines.length - 1) i++;
      const statement = lines.slice(start, i + 1).join('\n');
      imports.set(file, [...(imports.get(file) ?? []), statement]);
      continue;
    }
    const open = /^<([\w.]+)/.exec(line);
    if (!open) {
      throw new Error(
        `README ${marker} snippet: "${line}" is neither an import, a comment nor a top-level JSX element`,
      );
    }
    const tag = open[1];
    if (!line.trimEnd().endsWith('/>')) {
      while (i < lines.length - 1 && lines[i] !== `</${tag}>`) i++;
      if (lines[i] !== `</${tag}>`) {
        throw new Error(
          `README ${marker} snippet: <${tag}> opened at "${line}" is never closed at the start of a line`,
        );
      }
    }
    elements.push({
      tag,
      text: lines.slice(start, i + 1).join('\n'),
      file,
      targets,
    });
  }
  return { imports, elements };
}

/** The source between `const NAME = (` and the end of that constant. */
function constantRange(source: string, name: string, marker: string) {
  const start = source.search(new RegExp(`^const ${name} = \\(`, 'm'));
  if (start < 0) {
    throw new Error(
      `README ${marker} snippet names ${name}, which the scaffold's EntityPage.tsx does not define`,
    );
  }
  const end = source.indexOf('\n);', start);
  return { start, end: end < 0 ? source.length : end };
}

/** Inserts `text` at `index`, on its own lines. */
function insertAt(source: string, index: number, text: string): string {
  return `${source.slice(0, index)}\n${text}\n${source.slice(index)}`;
}

/** Which kind of place an element goes to, by its tag. */
function placement(tag: string) {
  return tag === 'Grid' || tag === 'EntitySwitch' ? 'card' : tag;
}

/**
 * Where each kind of element goes: entity-page tabs before the constant's
 * closing `</EntityLayout>`, cards into its overview grid (the first
 * `<Grid container>` before its first tab closes), routes into
 * `<FlatRoutes>`, sidebar items into the "Menu" group.
 */
function placeElement(
  sources: LegacyAppSources,
  element: SnippetElement,
  marker: string,
): LegacyAppSources {
  const fail = (why: string): never => {
    throw new Error(`README ${marker} snippet: <${element.tag}> ${why}`);
  };
  const expectFile = (file: LegacyFile) => {
    if (element.file !== file) {
      fail(`belongs in ${file}, but its section is in ${element.file}`);
    }
  };
  const result = { ...sources };
  if (
    element.tag === 'EntityLayout.Route' ||
    placement(element.tag) === 'card'
  ) {
    expectFile('EntityPage.tsx');
    if (element.targets.length === 0) {
      fail('comes before any comment naming where it goes (e.g. groupPage)');
    }
    for (const target of element.targets) {
      const source = result['EntityPage.tsx'];
      const range = constantRange(source, target, marker);
      const body = source.slice(range.start, range.end);
      let at: number;
      if (element.tag === 'EntityLayout.Route') {
        const close = body.lastIndexOf('</EntityLayout>');
        if (close < 0) fail(`goes into ${target}, which has no <EntityLayout>`);
        at = range.start + close;
      } else {
        const grid = /<Grid container[^>]*>/.exec(body);
        const firstTabEnd = body.indexOf('</EntityLayout.Route>');
        if (!grid || (firstTabEnd >= 0 && grid.index > firstTabEnd)) {
          fail(`goes into ${target}, which has no overview grid of its own`);
        }
        at = range.start + grid!.index + grid![0].length;
      }
      result['EntityPage.tsx'] = insertAt(source, at!, element.text);
    }
  } else if (element.tag === 'Route') {
    expectFile('App.tsx');
    const at = result['App.tsx'].indexOf('</FlatRoutes>');
    if (at < 0) fail("goes into App.tsx's <FlatRoutes>, which it lacks");
    result['App.tsx'] = insertAt(result['App.tsx'], at, element.text);
  } else if (element.tag === 'SidebarItem') {
    expectFile('Root.tsx');
    const root = result['Root.tsx'];
    const menu = root.indexOf('label="Menu"');
    const at = menu < 0 ? -1 : root.indexOf('</SidebarGroup>', menu);
    if (at < 0)
      fail('goes into the sidebar\'s "Menu" group, which Root.tsx lacks');
    result['Root.tsx'] = insertAt(root, at, element.text);
  } else {
    fail(
      'is not something the legacy installation places (a card, tab, route or sidebar item)',
    );
  }
  return result;
}

/**
 * Applies the README's legacy-frontend snippets to a legacy scaffold's
 * EntityPage.tsx, App.tsx and Root.tsx, each fragment where its comment says.
 */
export function applyLegacySnippets(
  sources: LegacyAppSources,
  snippets: Array<{ marker: string; text: string }>,
): LegacyAppSources {
  let result = { ...sources };
  for (const { marker, text } of snippets) {
    const { imports, elements } = parseLegacySnippet(text, marker);
    for (const [file, statements] of imports) {
      result[file] = addImports(result[file], statements);
    }
    // Consecutive elements going to the same place go in together, so they
    // keep the README's order.
    const placed: SnippetElement[] = [];
    for (const element of elements) {
      const last = placed[placed.length - 1];
      if (
        last &&
        placement(last.tag) === placement(element.tag) &&
        last.file === element.file &&
        last.targets.join() === element.targets.join()
      ) {
        last.text = `${last.text}\n${element.text}`;
      } else {
        placed.push({ ...element });
      }
    }
    for (const element of placed) {
      result = placeElement(result, element, marker);
    }
  }
  return result;
}
