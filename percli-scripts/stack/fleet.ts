// The stand-in vLLM fleet of `npm start`, as start.sh needs it: ports assigned in fleet order, a one-line
// description, and the `port model` pairs the load generator targets.
//
//   tsx percli-scripts/stack/fleet.ts assign-ports <fleet.json> <out.json> <first-port>
//   tsx percli-scripts/stack/fleet.ts describe <fleet-with-ports.json>     → vllm-llama-0(llama-3.1-8b-instruct)@18001 …
//   tsx percli-scripts/stack/fleet.ts targets <fleet-with-ports.json>      → one "<port> <model>" line per pod
//   tsx percli-scripts/stack/fleet.ts standins <fleet.json> <total pods> <engines> <out.json>
//                                      → the metrics-only pods that bring the fleet to <total pods> (STACK_PODS)
import { readFileSync, writeFileSync } from 'node:fs';

export interface FleetPod {
  pod: string;
  model: string;
  engines?: number;
  port?: number;
}

export function readFleet(file: string): FleetPod[] {
  return JSON.parse(readFileSync(file, 'utf8')) as FleetPod[];
}

/** Each pod gets the next port from `firstPort` on, in fleet order. */
export function assignPorts(fleet: readonly FleetPod[], firstPort: number): FleetPod[] {
  return fleet.map((pod, i) => ({ ...pod, port: firstPort + i }));
}

/**
 * Metrics-only stand-ins (fleet-standins.ts) that bring the fleet to `total` pods, `engines` each, their models
 * taken in turn from the simulated fleet's, so every model filter of the dashboards sees a share of them.
 */
export function standinPods(
  fleet: readonly FleetPod[],
  total: number,
  engines: number,
): Array<{ pod: string; model: string; engines: number }> {
  const models = [...new Set(fleet.map((p) => p.model))];
  return Array.from({ length: Math.max(0, total - fleet.length) }, (_, i) => ({
    pod: `vllm-fleet-${String(i).padStart(4, '0')}`,
    model: models[i % models.length],
    engines,
  }));
}

function main([command, ...args]: string[]): void {
  if (command === 'assign-ports' && args.length === 3) {
    const [input, output, firstPort] = args;
    writeFileSync(output, JSON.stringify(assignPorts(readFleet(input), Number(firstPort)), null, 2));
  } else if (command === 'describe' && args.length === 1) {
    console.log(
      readFleet(args[0])
        .map((p) => `${p.pod}(${p.model})@${p.port}`)
        .join(' '),
    );
  } else if (command === 'targets' && args.length === 1) {
    for (const p of readFleet(args[0])) console.log(p.port, p.model);
  } else if (command === 'standins' && args.length === 4) {
    const [input, total, engines, output] = args;
    writeFileSync(output, JSON.stringify(standinPods(readFleet(input), Number(total), Number(engines)), null, 2));
  } else {
    console.error(
      'usage: fleet.ts assign-ports <fleet.json> <out.json> <first-port> | describe <fleet> | targets <fleet> | ' +
        'standins <fleet.json> <total pods> <engines> <out.json>',
    );
    process.exit(2);
  }
}

// Only as a script: the e2e and stack tests import the helpers above.
if (process.argv[1] && /fleet\.ts$/.test(process.argv[1])) main(process.argv.slice(2));
