// What the remote entry (the file a host loads first, named by mf-manifest.json) will fetch at run time, read from
// the bundler's runtime inside it: the chunk files its chunk loader can name, and the shared modules it consumes
// (with or without a fallback). Read from the built JavaScript rather than from the manifest, so a consume or a
// chunk the manifest does not mention is still seen.

export interface Consume {
  shareKey: string;
  requiredVersion: string | undefined;
  /** Whether the remote carries its own copy to fall back on when the host has none. */
  hasFallback: boolean;
}

export interface RemoteEntryImports {
  chunkFiles: string[];
  consumes: Consume[];
}

/** `{a:"x",b:"y"}` or `{"3":"x"}` (a minified object literal of strings) → entries. */
function stringMap(literal: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of literal.matchAll(/(?:"([^"]+)"|([\w$]+)):"([^"]*)"/g)) out[m[1] ?? m[2]] = m[3];
  return out;
}

export function readRemoteEntry(js: string): RemoteEntryImports {
  // rspack: __webpack_require__.u=e=>"<dir>"+(({<id>:"<name>"})[e]||e)+"."+({<id>:"<hash>"})[e]+".js"
  const loader = js.match(
    /__webpack_require__\.u=\w+=>"([^"]*)"\+\(\((\{[^}]*\})\)\[\w+\]\|\|\w+\)\+"\."\+\((\{[^}]*\})\)\[\w+\]\+"\.js"/,
  );
  if (!loader)
    throw new Error(
      'no chunk loader (__webpack_require__.u) found in the remote entry: has the bundler changed its output?',
    );
  const [, dir, names, hashes] = loader;
  const named = stringMap(names);
  const chunkFiles = Object.entries(stringMap(hashes)).map(([id, hash]) => `${dir}${named[id] ?? id}.${hash}.js`);

  const consumes: Consume[] = [];
  for (const m of js.matchAll(/\{shareScope:"[^"]*",shareKey:"([^"]+)",([^{}]*?)\}/g)) {
    const body = m[2];
    consumes.push({
      shareKey: m[1],
      requiredVersion: body.match(/requiredVersion:"([^"]*)"/)?.[1],
      hasFallback: !/fallback:void 0/.test(body) || !/import:null/.test(body),
    });
  }
  return { chunkFiles, consumes };
}
