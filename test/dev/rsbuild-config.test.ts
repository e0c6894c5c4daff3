// `percli plugin start` reads rsbuild.config.ts as text (perses v0.52.0 internal/cli/cmd/plugin/start): the first
// `name: <word>` is the module it registers, the first `port: <digits>` the dev server's port (3000 when none).
// Checked here on the committed file, since test/e2e/dev-loop.test.ts runs the loop on a copy with a free port.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MODULE_NAME } from '../../src/federation-exposes';

const ROOT = join(__dirname, '..', '..');
const config = readFileSync(join(ROOT, 'rsbuild.config.ts'), 'utf8');
// The same patterns as percli's (Go RE2 and JavaScript agree on these).
const percliName = config.match(/name\s*:\s*'?"?(\w+)'?"?/m)?.[1];
const percliPort = Number(config.match(/port\s*:\s*(\d+)/m)?.[1] ?? 3000);

/** The ports `npm start` uses by default (percli-scripts/start.sh), the vLLM pods taking three from the base. */
function stackPorts(): number[] {
  const start = readFileSync(join(ROOT, 'percli-scripts/start.sh'), 'utf8');
  const ports = [...start.matchAll(/\$\{STACK_(\w+)_PORT:-(\d+)\}/g)].flatMap(([, name, port]) =>
    name === 'VLLM' ? [0, 1, 2].map((i) => Number(port) + i) : [Number(port)],
  );
  if (ports.length < 4) throw new Error('percli-scripts/start.sh: default ports not found');
  return ports;
}

test(`percli reads the module name ${MODULE_NAME} from rsbuild.config.ts`, () => {
  expect(percliName).toBe(MODULE_NAME);
});

test('percli reads a dev-server port that npm start does not use', () => {
  expect(stackPorts()).toContain(18080); // the Perses server and its web app
  expect(stackPorts()).not.toContain(percliPort);
});

test('the dev script is the one percli runs (a package.json script containing `rsbuild dev`)', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(Object.values(scripts).filter((s) => s.includes('rsbuild dev'))).toHaveLength(1);
});
