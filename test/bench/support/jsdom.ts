// A browser-like global environment for benchmarks that render panels with React into jsdom. Call
// installJsdom() before importing react-dom, MUI or emotion: they read the DOM globals when they load.
import Module from 'node:module';

import { JSDOM } from 'jsdom';

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'HTMLElement',
  'Element',
  'Node',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'MutationObserver',
] as const;
/** Constructors stay unbound (`instanceof` must work); functions are bound to the jsdom window. */
const CONSTRUCTORS = new Set<string>(['HTMLElement', 'Element', 'Node', 'MutationObserver']);

/** Installs jsdom's window as the globals and selects the production builds; returns the mount element. */
export function installJsdom(): HTMLElement {
  // @perses-dev/components' CommonJS build requires font CSS; Node has no loader for it and a bench needs none.
  (Module as unknown as { _extensions: Record<string, (m: { exports: unknown }) => void> })._extensions['.css'] = (
    m,
  ) => {
    m.exports = {};
  };
  const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', {
    pretendToBeVisual: true,
  });
  const globals = globalThis as unknown as Record<string, unknown>;
  for (const key of DOM_GLOBALS) {
    const value = (dom.window as unknown as Record<string, unknown>)[key];
    // navigator is a getter-only global on Node ≥ 21, hence defineProperty.
    Object.defineProperty(globals, key, {
      value: typeof value === 'function' && !CONSTRUCTORS.has(key) ? value.bind(dom.window) : value,
      configurable: true,
      writable: true,
    });
  }
  globals.IS_REACT_ACT_ENVIRONMENT = false;
  // Measure what users run: React's production build and emotion's production mode (insertRule). In development
  // emotion appends text to <style> elements, which jsdom re-parses whole on every append and would dominate.
  process.env.NODE_ENV = 'production';
  return dom.window.document.getElementById('root') as unknown as HTMLElement;
}
