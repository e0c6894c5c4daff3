// The operator suite's Kubernetes: percli-scripts/operator/start.sh (etcd, kube-apiserver, the operator's CRDs and
// RBAC, perses-operator) in its own state folder, and a kubectl bound to it.
//
//   const cluster = await startControlPlane({ persesUrl: perses.url });
//   await cluster.apply(resource);                                   // object(s) or YAML text, server-side apply
//   await cluster.kubectl(['create', 'configmap', 'x', '--from-file=a.tar.gz', '-n', 'monitoring']);
//   const cr = await cluster.get<Perses>('perses', 'perses', 'monitoring');
//   await cluster.stop();                                            // percli-scripts/operator/stop.sh

import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import YAML from 'yaml';

import { ROOT } from './perses-server';

const SCRIPTS = join(ROOT, 'percli-scripts', 'operator');
const KUBECTL = join(ROOT, '.data', 'bin', 'kubectl');

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; generation?: number };
  spec?: Record<string, unknown>;
  status?: { conditions?: Condition[] } & Record<string, unknown>;
  data?: Record<string, string>;
}

export interface ControlPlane {
  readonly server: string;
  readonly kubeconfig: string;
  /** kubectl with the admin kubeconfig; resolves with stdout, rejects with stderr. */
  kubectl(args: string[], input?: string): Promise<string>;
  /** Server-side apply (strict field validation) of objects or YAML text; resolves with kubectl's output. */
  apply(resources: KubeObject | KubeObject[] | string, extraArgs?: string[]): Promise<string>;
  get<T = KubeObject>(resource: string, name: string, namespace?: string): Promise<T>;
  /** Polls `get` until `ok` holds; throws with the last object seen. */
  waitFor<T = KubeObject>(
    resource: string,
    name: string,
    namespace: string | undefined,
    ok: (o: T) => boolean,
    timeoutMs?: number,
  ): Promise<T>;
  /** The operator's log so far, for failure messages. */
  operatorLog(): string;
  stop(): Promise<void>;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`${file.replace(ROOT + '/', '')} ${args.join(' ')}: ${stderr || error.message}`))
        : resolve(stdout),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

export const condition = (o: KubeObject, type: string): Condition | undefined =>
  o.status?.conditions?.find((c) => c.type === type);

/** Starts a fresh control plane (its state folder is wiped first) whose operator writes to `persesUrl`. */
export async function startControlPlane(options: { persesUrl: string; state?: string }): Promise<ControlPlane> {
  const state = options.state ?? join(ROOT, '.data', 'operator', 'e2e');
  const env = { ...process.env, OPERATOR_STATE: state, OPERATOR_PERSES_URL: options.persesUrl };
  await run(join(SCRIPTS, 'stop.sh'), ['--quiet'], env);
  rmSync(state, { recursive: true, force: true });
  try {
    await run(join(SCRIPTS, 'start.sh'), [], env);
  } catch (e) {
    await run(join(SCRIPTS, 'stop.sh'), ['--quiet'], env).catch(() => undefined);
    throw e;
  }
  const info = JSON.parse(readFileSync(join(state, 'cluster.json'), 'utf8')) as { server: string; kubeconfig: string };
  const kubeEnv = { ...process.env, KUBECONFIG: info.kubeconfig };
  const kubectl = (args: string[], input?: string) => run(KUBECTL, args, kubeEnv, input);
  const get = async <T>(resource: string, name: string, namespace?: string) =>
    JSON.parse(await kubectl(['get', resource, name, '-o', 'json', ...(namespace ? ['-n', namespace] : [])])) as T;

  return {
    ...info,
    kubectl,
    get,
    apply: (resources, extraArgs = []) => {
      const text =
        typeof resources === 'string'
          ? resources
          : (Array.isArray(resources) ? resources : [resources]).map((r) => YAML.stringify(r)).join('---\n');
      return kubectl(['apply', '--server-side', '--validate=strict', '-f', '-', ...extraArgs], text);
    },
    waitFor: async <T>(
      resource: string,
      name: string,
      namespace: string | undefined,
      ok: (o: T) => boolean,
      timeoutMs = 60_000,
    ) => {
      const deadline = Date.now() + timeoutMs;
      let last: T | string = 'nothing yet';
      for (;;) {
        try {
          last = await get<T>(resource, name, namespace);
          if (ok(last)) return last;
        } catch (e) {
          last = (e as Error).message;
        }
        if (Date.now() > deadline)
          throw new Error(
            `${resource}/${name} did not reach the expected state in ${timeoutMs} ms; last: ${
              typeof last === 'string' ? last : JSON.stringify(last, null, 1).slice(0, 3000)
            }`,
          );
        await new Promise((r) => setTimeout(r, 500));
      }
    },
    operatorLog: () => readFileSync(join(state, 'logs', 'perses-operator.log'), 'utf8'),
    stop: () => run(join(SCRIPTS, 'stop.sh'), ['--quiet'], env).then(() => undefined),
  };
}
