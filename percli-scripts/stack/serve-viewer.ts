// Serves the built viewer and proxies the Perses API to the Perses server, so the page has one origin
// (as the Perses app does): /api/* (incl. /api/v1/plugins), /plugins/<Module>/* (Module Federation assets)
// and /proxy/* (the datasource proxy to Prometheus). Everything else is the single-page app.
//
//   tsx percli-scripts/stack/serve-viewer.ts --dist .data/stack/viewer-dist --port 3000 --perses http://127.0.0.1:8080
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
const PROXIED = /^\/(api|plugins|proxy)(\/|$)/;

function arg(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (!value) {
    console.error(`serve-viewer: --${name} is required`);
    process.exit(2);
  }
  return value;
}

const dist = resolve(arg('dist'));
const port = Number(arg('port', '3000'));
const perses = new URL(arg('perses'));
if (!existsSync(join(dist, 'index.html'))) {
  console.error(
    `serve-viewer: ${dist}/index.html not found: build the viewer first (rsbuild build -c percli-scripts/stack/viewer/rsbuild.config.ts)`,
  );
  process.exit(2);
}

const server = createServer((req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
  if (PROXIED.test(path)) {
    const upstream = request(
      {
        host: perses.hostname,
        port: perses.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: perses.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`Perses server at ${perses.origin} unreachable: ${e.message}`);
    });
    req.pipe(upstream);
    return;
  }
  // Static file inside dist, else the SPA's index.html (client-side routes like /projects/x/dashboards/y).
  const file = normalize(join(dist, path));
  const target = file.startsWith(dist) && existsSync(file) && statSync(file).isFile() ? file : join(dist, 'index.html');
  const hashed = /\.[0-9a-f]{8,}\./.test(target);
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(target).pipe(res);
});
server.listen(port, '127.0.0.1', () =>
  console.log(`viewer: http://localhost:${port} (Perses API proxied to ${perses.origin})`),
);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
