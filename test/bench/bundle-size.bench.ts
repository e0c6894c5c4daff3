// Bundle size of the built module: for each exposed plugin, its JavaScript chunks (as listed in
// dist/mf-manifest.json) raw and gzipped; then all dist/__mf JavaScript that is NOT a shared-singleton fallback
// chunk (the manifest's `shared[].assets`), i.e. what this module adds on top of what the Perses host shares.
// gzip = node zlib at its default level. Prints figures only. Needs a build first (`npm run build`).
//
//   tsx test/bench/bundle-size.bench.ts           (part of `npm run bench`)

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(__dirname, '..', '..', 'dist');

interface Assets {
  js: { sync: string[]; async: string[] };
  css?: { sync: string[]; async: string[] };
}
interface Manifest {
  name: string;
  metaData?: { remoteEntry?: { name?: string } };
  shared: Array<{ name: string; version?: string; assets: Assets }>;
  exposes: Array<{ name: string; path: string; assets: Assets }>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const sizeCache = new Map<string, { raw: number; gzip: number }>();
function size(file: string): { raw: number; gzip: number } {
  let s = sizeCache.get(file);
  if (!s) {
    const data = readFileSync(join(DIST, file));
    s = { raw: data.length, gzip: gzipSync(data).length };
    sizeCache.set(file, s);
  }
  return s;
}

function total(files: Iterable<string>): { raw: number; gzip: number; count: number } {
  let raw = 0;
  let gzip = 0;
  let count = 0;
  for (const f of new Set(files)) {
    const s = size(f);
    raw += s.raw;
    gzip += s.gzip;
    count++;
  }
  return { raw, gzip, count };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function main(): void {
  const manifestPath = join(DIST, 'mf-manifest.json');
  if (!existsSync(manifestPath)) {
    console.log(
      'bundle size: dist/mf-manifest.json is missing — run `npm run build` (or percli-scripts/build.sh) first.',
    );
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const statsPath = join(DIST, 'mf-stats.json');
  const stats = existsSync(statsPath) ? (JSON.parse(readFileSync(statsPath, 'utf8')) as Manifest) : undefined;

  const fallback = new Set<string>();
  for (const shared of [...manifest.shared, ...(stats?.shared ?? [])]) {
    for (const f of [...shared.assets.js.sync, ...shared.assets.js.async]) fallback.add(f);
  }

  console.log(`bundle size of ${manifest.name} (gzip = zlib default level)`);
  for (const exposed of manifest.exposes) {
    const sync = exposed.assets.js.sync;
    const async = exposed.assets.js.async.filter((f) => !sync.includes(f));
    console.log(`  exposed ${exposed.path}:`);
    for (const f of [...sync.map((f) => ['sync ', f]), ...async.map((f) => ['async', f])]) {
      const s = size(f[1]);
      const note = fallback.has(f[1]) ? ' (shared fallback)' : '';
      console.log(`    ${f[0]} ${f[1].padEnd(62)} ${kb(s.raw).padStart(11)} → ${kb(s.gzip).padStart(10)} gzip${note}`);
    }
    const syncTotal = total(sync);
    const allTotal = total([...sync, ...async]);
    console.log(
      `    sync total: ${kb(syncTotal.raw)} → ${kb(syncTotal.gzip)} gzip; with async chunks: ${kb(allTotal.raw)} → ${kb(allTotal.gzip)} gzip`,
    );
  }

  const mfDir = join(DIST, '__mf');
  const allJs = existsSync(mfDir)
    ? walk(mfDir)
        .filter((p) => p.endsWith('.js'))
        .map((p) => relative(DIST, p))
    : [];
  const own = allJs.filter((f) => !fallback.has(f));
  const fallbackJs = allJs.filter((f) => fallback.has(f));
  const ownTotal = total(own);
  const fallbackTotal = total(fallbackJs);
  console.log(
    `  dist/__mf JavaScript, not shared fallbacks: ${ownTotal.count} files, ${kb(ownTotal.raw)} → ${kb(ownTotal.gzip)} gzip`,
  );
  for (const f of own.sort((a, b) => size(b).gzip - size(a).gzip)) {
    console.log(`    ${f.padEnd(68)} ${kb(size(f).raw).padStart(11)} → ${kb(size(f).gzip).padStart(10)} gzip`);
  }
  console.log(
    `  shared-singleton fallback chunks (loaded only if the host does not share the library): ${fallbackTotal.count} files, ` +
      `${kb(fallbackTotal.raw)} → ${kb(fallbackTotal.gzip)} gzip`,
  );
  const missing = [...fallback].filter((f) => !allJs.includes(f));
  if (missing.length)
    console.log(`  note: ${missing.length} fallback assets listed in the manifest are not in dist/__mf`);
}

main();
