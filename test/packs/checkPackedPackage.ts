import { builtinModules } from 'node:module';

/** A packed package as `npm pack` wrote it: its manifest and its files. */
export interface PackedPackage {
  /** The tarball's name, for messages. */
  tarball: string;
  /** `package/package.json` of the tarball, parsed. */
  manifest: Record<string, any>;
  /** Paths inside the package (without the `package/` prefix) and, for code, the text. */
  files: Map<string, string | undefined>;
}

const BUILTINS = new Set(builtinModules);
const CODE = /\.(c|m)?js$|\.d\.ts$/;
// Static and dynamic imports, re-exports, require() and `import x = require()`.
// A specifier has no spaces, quotes or `${`: text that merely reads
// "from '…'" inside a message is not an import.
const SPEC = `['"]([@\\w.][\\w@./-]*)['"]`;
const SPECIFIERS = [
  new RegExp(`\\bfrom\\s*${SPEC}`, 'g'),
  new RegExp(`\\bimport\\s*${SPEC}`, 'g'),
  new RegExp(`\\bimport\\(\\s*${SPEC}\\s*\\)`, 'g'),
  new RegExp(`\\brequire\\(\\s*${SPEC}\\s*\\)`, 'g'),
];

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`; relative → undefined. */
export function packageNameOf(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:')) {
    return undefined;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@')
    ? parts.slice(0, 2).join('/')
    : parts[0];
  return BUILTINS.has(name) ? undefined : name;
}

/** The packages a piece of built code imports. */
export function importedPackages(code: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const match of code.matchAll(pattern)) {
      const name = packageNameOf(match[1]);
      if (name) {
        names.add(name);
      }
    }
  }
  return names;
}

function entryPoints(manifest: Record<string, any>): string[] {
  const paths: string[] = [];
  for (const key of ['main', 'module', 'types', 'typings']) {
    if (typeof manifest[key] === 'string') {
      paths.push(manifest[key]);
    }
  }
  // The `backstage` export condition names a feature type, not a file.
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      paths.push(value);
    } else if (value && typeof value === 'object') {
      Object.entries(value)
        .filter(([condition]) => condition !== 'backstage')
        .forEach(([, target]) => walk(target));
    }
  };
  walk(manifest.exports);
  walk(manifest.typesVersions);
  return paths.map(p => p.replace(/^\.\//, ''));
}

/**
 * What keeps a packed plugin package from being published and installed:
 * marked private, no version, entry points (main, module, types, exports,
 * typesVersions) that are not built files in the tarball, missing Backstage
 * plugin metadata, or built code importing a package it does not declare
 * as a dependency (an adopter's install would not bring it). Empty when
 * it is publishable.
 */
export function checkPackedPackage(pkg: PackedPackage): string[] {
  const { manifest, files, tarball } = pkg;
  const name = manifest.name ?? tarball;
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${name}: ${text}`);
  if (manifest.private) {
    say('is "private": true, so npm refuses to publish it');
  }
  if (!/^\d+\.\d+\.\d+/.test(manifest.version ?? '')) {
    say(`has no valid version (${JSON.stringify(manifest.version)})`);
  }
  if (!manifest.main) {
    say('has no "main"');
  }
  for (const entry of entryPoints(manifest)) {
    if (entry === 'package.json') {
      continue;
    }
    if (!entry.startsWith('dist/')) {
      say(`entry point ${entry} is not a built file under dist/`);
    } else if (!files.has(entry)) {
      say(`entry point ${entry} is not in the tarball`);
    }
  }
  const backstage = manifest.backstage ?? {};
  if (!backstage.role) {
    say('has no backstage.role');
  }
  if (!backstage.pluginId) {
    say('has no backstage.pluginId');
  }
  if (String(backstage.role).endsWith('-module') && !backstage.pluginPackage) {
    say(
      'is a module without backstage.pluginPackage (backstage-cli repo fix --publish sets it)',
    );
  }
  if (
    !String(backstage.role).endsWith('-module') &&
    !Array.isArray(backstage.pluginPackages)
  ) {
    say('has no backstage.pluginPackages');
  }
  const declared = new Set([
    name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const missing = new Map<string, string>();
  for (const [path, text] of files) {
    if (!text || !CODE.test(path)) {
      continue;
    }
    for (const imported of importedPackages(text)) {
      if (!declared.has(imported) && !missing.has(imported)) {
        missing.set(imported, path);
      }
    }
  }
  for (const [imported, path] of [...missing].sort()) {
    say(`${path} imports ${imported}, which is not a declared dependency`);
  }
  return problems;
}
