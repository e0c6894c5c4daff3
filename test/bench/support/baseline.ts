// The code a benchmark compares against: `src/` as it was at a pinned commit, extracted from this clone's own git
// history into .data/bench/, so "before" and "after" are measured side by side in one run on one machine.
//
// BENCH_BASELINE_REF overrides the commit. Without git history (a tarball, a shallow clone that lacks the commit)
// the baseline is unavailable and benches print only today's figures, saying why.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The last commit before the fleet-scale work (issue 11): the figures the issue measured came from this code. */
export const FLEET_SCALE_BASELINE = '27a3865';

const ROOT = path.resolve(__dirname, '../../..');

export interface Baseline {
  /** Short commit the baseline was taken from. */
  ref: string;
  /** Absolute path of the extracted `src/` folder; import panel modules from here. */
  src: string;
}

/** Extracts (once per commit) and returns the baseline `src/`, or a reason it is unavailable. */
export function baselineSrc(
  ref = process.env.BENCH_BASELINE_REF ?? FLEET_SCALE_BASELINE,
): Baseline | { unavailable: string } {
  let sha: string;
  try {
    sha = execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return { unavailable: `commit ${ref} is not in this clone's history` };
  }
  // Under the project root so the extracted files resolve node_modules exactly as src/ does.
  const dir = path.join(ROOT, '.data', 'bench', `baseline-${sha}`);
  if (!existsSync(path.join(dir, 'src'))) {
    const stage = `${dir}.partial`;
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', sha, 'src'], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', stage], { input: tar });
    rmSync(dir, { recursive: true, force: true });
    renameSync(stage, dir);
  }
  return { ref: sha, src: path.join(dir, 'src') };
}
