import {
  checkPackedPackage,
  importedPackages,
  type PackedPackage,
} from './checkPackedPackage';

function packed(
  manifest: Record<string, any> = {},
  files: Record<string, string> = {},
): PackedPackage {
  return {
    tarball: 'x.tgz',
    manifest: {
      name: '@preflight/plugin-reliability',
      version: '0.1.0',
      main: 'dist/index.esm.js',
      types: 'dist/index.d.ts',
      backstage: {
        role: 'frontend-plugin',
        pluginId: 'reliability',
        pluginPackages: ['@preflight/plugin-reliability'],
      },
      dependencies: { '@mui/material': '^5.18.0' },
      peerDependencies: { react: '^18.0.0' },
      ...manifest,
    },
    files: new Map(
      Object.entries({
        'package.json': '',
        'dist/index.esm.js':
          "import Alert from '@mui/material/Alert';\nimport { jsx } from 'react/jsx-runtime';\nimport './x.esm.js';\nimport { readFile } from 'node:fs';\nimport path from 'path';",
        'dist/index.d.ts': "export * from './types';",
        ...files,
      }),
    ),
  };
}

describe('checkPackedPackage', () => {
  it('passes a built, declared, non-private plugin', () => {
    expect(checkPackedPackage(packed())).toEqual([]);
  });

  it('takes neither message text for an import nor the backstage export condition for a file', () => {
    expect(
      checkPackedPackage(
        packed(
          {
            exports: {
              '.': './dist/index.esm.js',
              './alpha': {
                backstage: '@backstage/FrontendPlugin',
                import: './dist/index.esm.js',
              },
            },
          },
          {
            'dist/text.esm.js':
              "const a = `moved from '${from}' to '${to}'`;\nconst b = 'rules from \"rules unknown\"';",
          },
        ),
      ),
    ).toEqual([]);
  });

  it('refuses a private package without a version', () => {
    expect(checkPackedPackage(packed({ private: true, version: '' }))).toEqual([
      '@preflight/plugin-reliability: is "private": true, so npm refuses to publish it',
      '@preflight/plugin-reliability: has no valid version ("")',
    ]);
  });

  it('refuses entry points that point at sources or at files not packed', () => {
    expect(
      checkPackedPackage(
        packed({
          types: 'src/index.ts',
          exports: {
            '.': './dist/index.esm.js',
            './alpha': './dist/alpha.esm.js',
          },
        }),
      ),
    ).toEqual([
      '@preflight/plugin-reliability: entry point src/index.ts is not a built file under dist/',
      '@preflight/plugin-reliability: entry point dist/alpha.esm.js is not in the tarball',
    ]);
  });

  it('names a module without pluginPackage', () => {
    expect(
      checkPackedPackage(
        packed({
          name: '@preflight/plugin-reliability-backend-module-x',
          backstage: { role: 'backend-plugin-module', pluginId: 'reliability' },
        }),
      ),
    ).toEqual([
      '@preflight/plugin-reliability-backend-module-x: is a module without backstage.pluginPackage (backstage-cli repo fix --publish sets it)',
    ]);
  });

  it('names a type import the package does not declare, with the file', () => {
    expect(
      checkPackedPackage(
        packed(
          {},
          {
            'dist/alpha.d.ts':
              "import * as _backstage_filter_predicates from '@backstage/filter-predicates';",
          },
        ),
      ),
    ).toEqual([
      '@preflight/plugin-reliability: dist/alpha.d.ts imports @backstage/filter-predicates, which is not a declared dependency',
    ]);
  });
});

describe('importedPackages', () => {
  it('reads imports, re-exports, require and dynamic import, skipping relative paths and builtins', () => {
    expect(
      [
        ...importedPackages(
          [
            "export { a } from '@scope/a/sub';",
            "const b = require('b');",
            "const c = await import('c/deep/path');",
            'import type { D } from "d";',
            "import './local';",
            "const fs = require('fs');",
            "import('node:path');",
          ].join('\n'),
        ),
      ].sort(),
    ).toEqual(['@scope/a', 'b', 'c', 'd']);
  });
});
