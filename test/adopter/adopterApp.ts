/*
 * A Backstage app as an adopter gets it: scaffolded by @backstage/create-app
 * (new frontend system, yarn 4, Node 24 beside the monorepo's 22), with the packed
 * Preflight tarballs from dist-packs/ installed and wired by the README's
 * snippets, plus a --legacy scaffold's app package wired by the legacy ones.
 * Everything lives in one temporary directory, yarn's cache included.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  outputDir,
  repoRoot,
  stopProcessGroup,
  waitUntilReady,
} from '../e2e/demoPortal';
import {
  addToAppFeatures,
  addToBackendIndex,
  applyLegacySnippets,
  parseInstallCommands,
  readReadmeSnippets,
} from './readmeSnippets';

/** Prints how long a step took, so CI logs show where the time goes. */
function logDuration(step: string, started: number) {
  // eslint-disable-next-line no-console
  console.log(
    `adopter: ${step} took ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

/** Runs a step and logs its duration. */
export function timed<T>(step: string, run: () => T): T {
  const started = Date.now();
  const result = run();
  logDuration(step, started);
  return result;
}

/** Awaits a step and logs its duration. */
export async function timedAsync<T>(
  step: string,
  run: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  const result = await run();
  logDuration(step, started);
  return result;
}

/** A Node 22/24 and yarn 4, as create-app and a scaffolded app need them. */
export interface Toolchain {
  /** PATH with the supported Node and yarn first. */
  env: NodeJS.ProcessEnv;
  node: string;
  /** The Node's version, e.g. v24.22.3. */
  nodeVersion: string;
}

/**
 * The Node major the scaffolded app runs on: the supported version the
 * monorepo's own tests (this process) do not run on, so that npm test uses
 * both 22 and 24; PREFLIGHT_ADOPTER_NODE_MAJOR picks one instead.
 */
export const adopterNodeMajor =
  process.env.PREFLIGHT_ADOPTER_NODE_MAJOR ??
  (process.versions.node.split('.')[0] === '24' ? '22' : '24');

/**
 * Node `adopterNodeMajor`: the machine's when it is that major, else from the
 * npm registry (scripts/ensure-node.sh; Node 24 into .preflight/node24/,
 * beside the monorepo's Node 22 in .preflight/node/); yarn 4 from the npm registry
 * (@yarnpkg/cli-dist), once, into the git-ignored .preflight/.
 */
export function prepareToolchain(): Toolchain {
  const nodeBin = execFileSync('bash', ['scripts/ensure-node.sh'], {
    cwd: repoRoot,
    env: { ...process.env, PREFLIGHT_NODE_MAJOR: adopterNodeMajor },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .toString()
    .trim();
  const node = path.join(nodeBin, 'node');
  const nodeVersion = execFileSync(node, ['--version']).toString().trim();
  const yarnPrefix = path.join(repoRoot, '.preflight', 'yarn');
  const yarnBin = path.join(yarnPrefix, 'node_modules', '.bin');
  if (!fs.existsSync(path.join(yarnBin, 'yarn'))) {
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        yarnPrefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '@yarnpkg/cli-dist@4',
      ],
      { stdio: 'inherit' },
    );
  }
  return {
    node,
    nodeVersion,
    env: {
      ...process.env,
      PATH: `${yarnBin}:${nodeBin}:${process.env.PATH}`,
      // Native modules build against this Node's headers (~/.npmrc may
      // point node-gyp at the machine's older ones).
      npm_config_nodedir: path.dirname(nodeBin),
      // The app's package cache lives in the temporary directory; yarn's
      // mirror of downloaded archives (~/.yarn/berry/cache) is kept, so a
      // second run on the same machine skips the downloads (1.2 GB).
      YARN_ENABLE_GLOBAL_CACHE: 'false',
      // CI=true would make yarn refuse to write the lockfile.
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      YARN_ENABLE_TELEMETRY: '0',
      YARN_ENABLE_PROGRESS_BARS: 'false',
    },
  };
}

/** The packed packages: package name → tarball path and version. */
function packedPackages(packsDir: string) {
  const tarballs = fs
    .readdirSync(packsDir)
    .filter(file => file.endsWith('.tgz'))
    .map(file => path.join(packsDir, file));
  if (tarballs.length === 0) {
    throw new Error(
      `no tarballs in ${packsDir}: run "npm run pack:plugins" first (npm test does)`,
    );
  }
  return new Map(
    tarballs.map(tarball => {
      const manifest = JSON.parse(
        execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], {
          maxBuffer: 1 << 20,
        }).toString(),
      ) as { name: string; version: string };
      return [manifest.name, { tarball, version: manifest.version }] as const;
    }),
  );
}

/** A scaffolded app with Preflight installed and wired. */
export interface AdopterApp {
  dir: string;
  toolchain: Toolchain;
  /** Runs yarn in the app, failing with its output. */
  yarn(args: string[], options?: { env?: NodeJS.ProcessEnv }): void;
  /** Runs yarn in the app without blocking, to overlap two steps. */
  yarnAsync(args: string[]): Promise<void>;
  remove(): void;
}

/**
 * Scaffolds the app, points the README's install commands at the tarballs
 * (the packages are not on the registry yet: each becomes a resolution to
 * its tarball, so their dependencies on each other resolve too), installs
 * once and applies the README's backend and App.tsx snippets.
 *
 * `buildNativeModules`: false skips every install script (none of the
 * scaffold's native modules is needed when the backend runs on PostgreSQL;
 * better-sqlite3 alone takes minutes to compile).
 */
export function scaffoldAdopterApp(options: {
  packsDir: string;
  buildNativeModules: boolean;
}): AdopterApp {
  const toolchain = prepareToolchain();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-adopter-'));
  const dir = path.join(root, 'app');
  const yarn: AdopterApp['yarn'] = (args, extra) => {
    execFileSync('yarn', args, {
      cwd: dir,
      env: { ...toolchain.env, ...extra?.env },
      stdio: 'inherit',
    });
  };

  const yarnAsync: AdopterApp['yarnAsync'] = args =>
    new Promise((resolve, reject) => {
      const child = spawn('yarn', args, {
        cwd: dir,
        env: toolchain.env,
        stdio: 'inherit',
      });
      child.on('error', reject);
      child.on('exit', code =>
        code === 0
          ? resolve()
          : reject(new Error(`yarn ${args.join(' ')} failed (exit ${code})`)),
      );
    });

  // eslint-disable-next-line no-console
  console.log(
    `adopter: the scaffolded app runs on Node ${toolchain.nodeVersion} (${toolchain.node})`,
  );
  const createApp = (target: string, flags: string[]) =>
    execFileSync(
      'npx',
      [
        '--yes',
        '@backstage/create-app@latest',
        ...flags,
        '--skip-install',
        '--path',
        target,
      ],
      {
        cwd: root,
        env: toolchain.env,
        // The app's name, the one question create-app asks.
        input: 'preflight-adopter\n',
        stdio: ['pipe', 'inherit', 'inherit'],
      },
    );
  timed('create-app', () => createApp(dir, []));
  // The legacy frontend system's app package, scaffolded too and added to
  // the app as the workspace app-legacy: the README's legacy snippets are
  // applied to it and the app's `yarn tsc` type-checks it (it is not built
  // or served), so a README typo there fails the test as well.
  timed('create-app --legacy', () =>
    createApp(path.join(root, 'legacy'), ['--legacy']),
  );
  const legacyApp = path.join(dir, 'packages', 'app-legacy');
  fs.cpSync(path.join(root, 'legacy', 'packages', 'app'), legacyApp, {
    recursive: true,
  });
  fs.rmSync(path.join(root, 'legacy'), { recursive: true, force: true });

  const snippets = readReadmeSnippets(
    fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'),
  );
  const packed = packedPackages(options.packsDir);
  const editJson = (file: string, edit: (json: any) => void) => {
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    edit(json);
    fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  };
  editJson(path.join(legacyApp, 'package.json'), json => {
    json.name = 'app-legacy';
  });
  editJson(path.join(dir, 'package.json'), json => {
    json.resolutions = {
      ...json.resolutions,
      ...Object.fromEntries(
        [...packed].map(([name, { tarball }]) => [name, `file:${tarball}`]),
      ),
    };
  });
  for (const { workspace, packages } of parseInstallCommands(
    snippets.install,
  )) {
    // The legacy app takes what the README installs into `app`.
    const workspaces =
      workspace === 'app' ? ['app', 'app-legacy'] : [workspace];
    for (const target of workspaces)
      editJson(path.join(dir, 'packages', target, 'package.json'), json => {
        for (const name of packages) {
          const pack = packed.get(name);
          if (!pack) {
            throw new Error(
              `README installs ${name}, which npm run pack:plugins does not pack`,
            );
          }
          json.dependencies = { ...json.dependencies, [name]: pack.version };
        }
      });
  }
  // One install for the scaffold and the README's packages together; the
  // README's `yarn workspace ... add` would run one per command.
  timed('yarn install', () =>
    yarn(['install'], {
      env: options.buildNativeModules ? {} : { YARN_ENABLE_SCRIPTS: 'false' },
    }),
  );

  const backendIndex = path.join(dir, 'packages/backend/src/index.ts');
  fs.writeFileSync(
    backendIndex,
    addToBackendIndex(fs.readFileSync(backendIndex, 'utf8'), snippets.backend),
  );
  const appTsx = path.join(dir, 'packages/app/src/App.tsx');
  fs.writeFileSync(
    appTsx,
    addToAppFeatures(fs.readFileSync(appTsx, 'utf8'), snippets['app-new']),
  );
  const legacySources = {
    'EntityPage.tsx': 'src/components/catalog/EntityPage.tsx',
    'App.tsx': 'src/App.tsx',
    'Root.tsx': 'src/components/Root/Root.tsx',
  } as const;
  const legacyEdited = applyLegacySnippets(
    {
      'EntityPage.tsx': fs.readFileSync(
        path.join(legacyApp, legacySources['EntityPage.tsx']),
        'utf8',
      ),
      'App.tsx': fs.readFileSync(
        path.join(legacyApp, legacySources['App.tsx']),
        'utf8',
      ),
      'Root.tsx': fs.readFileSync(
        path.join(legacyApp, legacySources['Root.tsx']),
        'utf8',
      ),
    },
    (['legacy-entity-page', 'legacy-routes'] as const).map(marker => ({
      marker,
      text: snippets[marker],
    })),
  );
  for (const [file, relative] of Object.entries(legacySources)) {
    fs.writeFileSync(
      path.join(legacyApp, relative),
      legacyEdited[file as keyof typeof legacySources],
    );
  }
  fs.appendFileSync(
    path.join(dir, 'app-config.yaml'),
    `\n${snippets.config.trim()}\n`,
  );

  return {
    dir,
    toolchain,
    yarn,
    yarnAsync,
    // Over a gigabyte of node_modules: deleting it takes minutes on a busy
    // disk, which the test need not wait for.
    remove: () =>
      spawn('rm', ['-rf', root], { detached: true, stdio: 'ignore' }).unref(),
  };
}

/** The README's `config:check` command, run as written. */
export function checkConfigAsReadmeSays(app: AdopterApp, command: string) {
  const args = command.trim().split(/\s+/);
  if (args[0] !== 'yarn') {
    throw new Error(
      `README config-check snippet: "${command}" is not a yarn command`,
    );
  }
  // The README's config reads the token from the environment.
  app.yarn(args.slice(1), { env: { PAGERDUTY_TOKEN: 'not-a-real-token' } });
}

/** The app's backend, started from source once the frontend is built. */
export interface RunningAppBackend {
  baseUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the app's backend from source (as `yarn start` does, without its
 * file watcher), serving the built frontend, with `config` over the app's
 * own app-config.yaml.
 */
export async function startAppBackend(
  app: AdopterApp,
  config: (baseUrl: string, port: number) => object,
): Promise<RunningAppBackend> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const configFile = path.join(app.dir, 'app-config.adopter-test.yaml');
  fs.writeFileSync(configFile, JSON.stringify(config(baseUrl, port)));
  fs.mkdirSync(outputDir, { recursive: true });
  const logFile = path.join(outputDir, 'adopter-backend.log');
  const log = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(
    app.toolchain.node,
    [
      '--require',
      path.join(
        app.dir,
        'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
      ),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: path.join(app.dir, 'packages', 'backend'),
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...app.toolchain.env,
        NODE_ENV: 'development',
        PAGERDUTY_TOKEN: 'sim-token-preflight',
      },
    },
  );
  const stop = async () => {
    await stopProcessGroup(child, 1000);
    fs.closeSync(log);
  };
  await waitUntilReady({
    what: "the app's backend",
    child,
    baseUrl,
    logFile,
    stop,
    timeoutMs: 240_000,
  });
  return { baseUrl, logFile, stop };
}
