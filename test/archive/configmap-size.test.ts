// The archive installs into a cluster as one ConfigMap (percli-scripts/install.sh): kubectl stores a binary file
// base64-encoded under binaryData, and the API server refuses a ConfigMap over 1 MiB. Also: nothing a host never
// loads (fonts), and the exposed panels no heavier than before the shared fallbacks were dropped.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { ARCHIVE, unpackArchive, Unpacked } from './archive-files';

const MAX_ARCHIVE_BYTES = 700_000;
const CONFIGMAP_LIMIT = 1024 * 1024;
/**
 * Bytes of each exposed module's sync chunks in the last build that still bundled shared fallbacks (VllmPanels
 * 0.1.0: 1,254,684-byte archive). Dropping fallbacks must not move code into the panels' own chunks.
 */
const EXPOSED_SYNC_BYTES_BEFORE: Record<string, number> = {
  './VllmLatencyQuad': 244_189,
  './VllmKvQueueGauge': 207_936,
};

let archive: Unpacked;
beforeAll(() => {
  archive = unpackArchive();
}, 300_000);
afterAll(() => archive.remove());

describe('the archive fits a ConfigMap', () => {
  test(`is at most ${MAX_ARCHIVE_BYTES} bytes on disk`, () => {
    expect(statSync(ARCHIVE).size).toBeLessThanOrEqual(MAX_ARCHIVE_BYTES);
  });

  test('kubectl create configmap --dry-run=client gives an object under 1 MiB that holds the archive byte for byte', () => {
    const json = execFileSync(
      'kubectl',
      ['create', 'configmap', 'vllm-panels', `--from-file=${ARCHIVE}`, '--dry-run=client', '-o', 'json'],
      { encoding: 'utf8' },
    );
    expect(Buffer.byteLength(json)).toBeLessThan(CONFIGMAP_LIMIT);
    const configMap = JSON.parse(json) as { binaryData?: Record<string, string> };
    const stored = configMap.binaryData?.[path.basename(ARCHIVE)];
    expect(stored).toBeDefined();
    expect(Buffer.from(stored!, 'base64').equals(readFileSync(ARCHIVE))).toBe(true);
  });

  test('holds no font files', () => {
    expect(archive.entries.filter((e) => /\.(woff2?|ttf|otf|eot)$/.test(e) || e.startsWith('__mf/font/'))).toEqual([]);
  });

  test.each(Object.entries(EXPOSED_SYNC_BYTES_BEFORE))('%s loads no more bytes than before', (expose, before) => {
    const manifest = JSON.parse(readFileSync(path.join(archive.dir, 'mf-manifest.json'), 'utf8')) as {
      exposes: Array<{ path: string; assets: { js: { sync: string[] } } }>;
    };
    const sync = manifest.exposes.find((e) => e.path === expose)!.assets.js.sync;
    const bytes = sync.reduce((n, f) => n + statSync(path.join(archive.dir, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(before);
  });
});
