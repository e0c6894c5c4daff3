// One panel's CUE model, checked with the real `cue` binary (.data/bin/cue, built by percli-scripts/setup.sh) from
// the repository root, so cue.mod resolves the Perses packages the model imports. Shared by the schema suites.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CUE = path.join(ROOT, '.data/bin/cue');

export interface SchemaCase {
  file: string;
  spec: unknown;
}

export interface CueModel {
  /** `cue vet -c` of `{kind, spec}`: '' when valid, otherwise cue's message. */
  vet(spec: unknown, name?: string): string;
  /** The spec as the server stores it: `cue export` with every default the model fills in. */
  withDefaults(spec: unknown, name?: string): unknown;
  /** The model's `tests/valid` or `tests/invalid` cases, as `percli plugin test-schemas` runs them. */
  cases(kind: 'valid' | 'invalid'): SchemaCase[];
  /** Deletes the scratch folder; call from afterAll. */
  remove(): void;
}

/** The CUE model of `schemas/<folder>/<folder>.cue`, whose documents are `{kind, spec}`. */
export function cueModel(folder: string, kind: string): CueModel {
  if (!existsSync(CUE)) throw new Error(`${CUE} is missing: run percli-scripts/setup.sh to build cue`);
  const model = `schemas/${folder}/${folder}.cue`;
  const scratch = mkdtempSync(path.join(tmpdir(), `${folder}-`));
  const write = (spec: unknown, name: string): string => {
    const file = path.join(scratch, `${name}.json`);
    writeFileSync(file, JSON.stringify({ kind, spec }));
    return file;
  };
  return {
    vet(spec, name = 'case') {
      try {
        execFileSync(CUE, ['vet', '-c', model, write(spec, name)], { cwd: ROOT, stdio: 'pipe' });
        return '';
      } catch (error) {
        return String((error as { stderr?: Buffer }).stderr ?? error);
      }
    },
    withDefaults(spec, name = 'export') {
      const out = execFileSync(CUE, ['export', model, write(spec, name)], { cwd: ROOT, stdio: 'pipe' });
      return (JSON.parse(out.toString()) as { spec: unknown }).spec;
    },
    cases(which) {
      const dir = path.join(ROOT, 'schemas', folder, 'tests', which);
      return readdirSync(dir).map((file) => ({
        file,
        spec: (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { spec: unknown }).spec,
      }));
    },
    remove() {
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
