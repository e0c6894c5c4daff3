// Debian's Chromium driven by playwright-core (never a downloaded browser), headless, in a fresh profile, plus
// the page instrumentation the tests and the benchmark share: console errors, uncaught exceptions, the
// Prometheus requests the panels made, and "every panel has rendered".

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BrowserContext, chromium, Page, Request } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context in a new user-data dir (removed on close); UTC so Perses aligns steps to the epoch. */
export async function openBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'vllm-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    timezoneId: 'UTC',
    // Tall enough that every panel of an expanded row is in view (Perses renders panels lazily).
    viewport: { width: 1600, height: 2200 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PromRequest {
  path: string;
  params: URLSearchParams;
}

export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  promRequests: PromRequest[];
}

/** Records console errors, uncaught exceptions and the datasource-proxy requests of a page. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], promRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.pageErrors.push(err.message));
  page.on('request', (req: Request) => {
    const url = new URL(req.url());
    const at = url.pathname.indexOf('/api/v1/');
    if (!url.pathname.startsWith('/proxy/') || at < 0) return;
    const params = req.method() === 'POST' ? new URLSearchParams(req.postData() ?? '') : url.searchParams;
    watch.promRequests.push({ path: url.pathname.slice(at), params });
  });
  return watch;
}

/** Dashboard URL in the Perses app, with an absolute time range, so the panels and the reference queries see the same data. */
export function dashboardUrl(app: string, project: string, dashboard: string, startMs: number, endMs: number): string {
  return `${app}/projects/${project}/dashboards/${dashboard}?start=${startMs}&end=${endMs}&refresh=0s`;
}

/** Requests to the Perses API or the datasource proxy still in flight, per page. */
const inflight = new WeakMap<Page, Set<Request>>();

function trackInflight(page: Page): Set<Request> {
  let set = inflight.get(page);
  if (set) return set;
  const pending = new Set<Request>();
  const isData = (r: Request) => /^\/(api|proxy)\//.test(new URL(r.url()).pathname);
  page.on('request', (r) => isData(r) && pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  inflight.set(page, pending);
  set = pending;
  return set;
}

/** Call before page.goto so every request of the load is seen. */
export function prepareWait(page: Page): void {
  trackInflight(page);
}

/** Whether every panel shows content: no loading indicator left and something drawn (text, canvas or svg). */
function panelsSettled(): number | false {
  const panels = [...document.querySelectorAll('[data-testid="panel"]')];
  if (panels.length === 0) return false;
  const busy = panels.some((p) =>
    p.querySelector('[aria-label="Loading..."], [aria-label="loading"], [role="progressbar"], .MuiSkeleton-root'),
  );
  if (busy) return false;
  const drawn = panels.every((p) => {
    const content = p.querySelector('.MuiCardContent-root') ?? p;
    return (content.textContent ?? '').trim().length > 0 || content.querySelector('canvas, svg, table') !== null;
  });
  return drawn ? panels.length : false;
}

/**
 * Resolves when every panel has rendered its final content: panels settled, no data request in flight, and both
 * still true 1.5 s later (a panel may first render an empty state while variables resolve, then query again).
 * Returns the panel count and the time (performance.now() in Node) at which the page first reached that state.
 */
export async function waitForPanels(page: Page, timeoutMs = 180_000): Promise<number> {
  return (await waitForPanelsTimed(page, timeoutMs)).panels;
}

export async function waitForPanelsTimed(
  page: Page,
  timeoutMs = 180_000,
): Promise<{ panels: number; settledAt: number }> {
  const pending = trackInflight(page);
  const deadline = Date.now() + timeoutMs;
  let since: number | undefined;
  for (;;) {
    const settled = pending.size === 0 ? await page.evaluate(panelsSettled).catch(() => false as const) : false;
    const now = performance.now();
    if (settled !== false) {
      since ??= now;
      if (now - since >= 1500) return { panels: settled, settledAt: since };
    } else {
      since = undefined;
    }
    if (Date.now() > deadline)
      throw new Error(
        `panels not rendered after ${timeoutMs / 1000}s (in flight: ${[...pending].map((r) => r.url()).join(', ')})`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Title of each panel element, from its header (Perses links them with aria-labelledby). */
export async function panelTitles(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="panel"]', (panels) =>
    panels.map((p) => {
      const id = p.getAttribute('aria-labelledby');
      return ((id && document.getElementById(id)?.textContent) || '').trim();
    }),
  );
}
