import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkPackedPackage, type PackedPackage } from './checkPackedPackage';

// Checks every tarball `npm run pack:plugins` wrote (dist-packs/ or the
// folder given): exits 1 listing what keeps any from being published.

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap(entry => {
    const path = join(dir, entry);
    return statSync(path).isDirectory()
      ? listFiles(root, path)
      : [relative(root, path)];
  });
}

function readTarball(tarball: string): PackedPackage {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-pack-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', dir]);
    const root = join(dir, 'package');
    const files = new Map<string, string | undefined>();
    for (const path of listFiles(root)) {
      files.set(
        path,
        /\.(c|m)?js$|\.d\.ts$/.test(path)
          ? readFileSync(join(root, path), 'utf8')
          : undefined,
      );
    }
    const manifest = JSON.parse(
      readFileSync(join(root, 'package.json'), 'utf8'),
    );
    return { tarball, manifest, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const folder = process.argv[2] ?? 'dist-packs';
const tarballs = readdirSync(folder).filter(name => name.endsWith('.tgz'));
if (tarballs.length === 0) {
  console.error(`No tarballs in ${folder}; run npm run pack:plugins first`);
  process.exit(1);
}
const problems = tarballs.flatMap(name =>
  checkPackedPackage(readTarball(join(folder, name))),
);
for (const problem of problems) {
  console.error(problem);
}
console.log(
  `${tarballs.length} packed packages checked, ${problems.length} problems`,
);
process.exit(problems.length > 0 ? 1 : 0);
