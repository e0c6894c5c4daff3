// The archive ships no fallback for the libraries a Perses host shares (Module Federation `import: false`), so a
// shared module the host did not provide would fail the panel at load time. Every fetch the remote can make at run
// time must therefore be either a file in the archive or a shared module every supported host provides.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { version as reactVersion } from 'react';
import semver from 'semver';

import { unpackArchive, Unpacked } from './archive-files';
import { HOST_PACKAGES, HostRuntime, readHostRuntime } from './host-runtimes';
import { readRemoteEntry, RemoteEntryImports } from './remote-entry';

let archive: Unpacked;
let remote: RemoteEntryImports;
let manifest: {
  metaData: { remoteEntry: { name: string } };
  shared: Array<{ name: string; assets: { js: { sync: string[]; async: string[] } } }>;
};
const hosts: HostRuntime[] = HOST_PACKAGES.map(readHostRuntime);
const [buildHost] = hosts;

beforeAll(() => {
  archive = unpackArchive();
  manifest = JSON.parse(readFileSync(path.join(archive.dir, 'mf-manifest.json'), 'utf8'));
  remote = readRemoteEntry(readFileSync(path.join(archive.dir, manifest.metaData.remoteEntry.name), 'utf8'));
}, 300_000);
afterAll(() => archive.remove());

describe('what the remote loads at run time', () => {
  test('the remote entry consumes shared modules and can load chunks (the parse found them)', () => {
    expect(remote.consumes.length).toBeGreaterThan(0);
    expect(remote.chunkFiles.length).toBeGreaterThan(0);
  });

  test('every chunk its chunk loader can request is in the archive', () => {
    expect(remote.chunkFiles.filter((f) => !archive.entries.includes(f))).toEqual([]);
  });

  test('no shared module carries a fallback copy (the host always provides them)', () => {
    expect(remote.consumes.filter((c) => c.hasFallback).map((c) => c.shareKey)).toEqual([]);
    for (const shared of manifest.shared) expect([...shared.assets.js.sync, ...shared.assets.js.async]).toEqual([]);
  });

  test.each(hosts.map((h) => [h.version, h] as const))(
    'every shared module it consumes is provided by the Perses host runtime of plugin-system %s',
    (_version, host) => {
      expect(remote.consumes.map((c) => c.shareKey).filter((key) => !host.shared.has(key))).toEqual([]);
    },
  );

  test(`the host we build against (plugin-system ${buildHost.version}) declares versions our ranges accept`, () => {
    // React's version is React.version at run time: the React this project installs is the host's.
    const hostVersion = (key: string) => buildHost.shared.get(key) ?? (key === 'react' ? reactVersion : undefined);
    const rejected = remote.consumes
      .filter(
        (c) =>
          !semver.satisfies(hostVersion(c.shareKey) ?? '0.0.0', c.requiredVersion ?? '*', { includePrerelease: true }),
      )
      .map((c) => `${c.shareKey}@${hostVersion(c.shareKey)} vs ${c.requiredVersion}`);
    expect(rejected).toEqual([]);
  });
});
