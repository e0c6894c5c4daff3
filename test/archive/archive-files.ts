// The built archive, unpacked once per suite: where it is and what it holds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pkg from '../../package.json';
import { MODULE_NAME } from '../../src/federation-exposes';

export const ROOT = path.resolve(__dirname, '../..');
export const ARCHIVE = path.join(ROOT, `${MODULE_NAME}-${pkg.version}.tar.gz`);

export interface Unpacked {
  dir: string;
  /** Archive entries without a leading `./`. */
  entries: string[];
  remove(): void;
}

/** Builds the archive when missing (`npm test` builds it just before jest), then unpacks it into a temp folder. */
export function unpackArchive(): Unpacked {
  if (!existsSync(ARCHIVE)) execFileSync(path.join(ROOT, 'percli-scripts/build.sh'), { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(path.join(tmpdir(), 'vllm-archive-'));
  execFileSync('tar', ['-xzf', ARCHIVE, '-C', dir]);
  const entries = execFileSync('tar', ['-tzf', ARCHIVE], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((e) => e.replace(/^\.\//, ''));
  return { dir, entries, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
