// A jsdom document as the global browser environment, for rendering panels with React in Node. Import this module
// before React, react-dom or emotion: they read the globals when they load.
import Module from 'node:module';

import { JSDOM } from 'jsdom';

// @perses-dev/components' CommonJS build requires font CSS; Node has no loader for it and the bench needs none.
(Module as unknown as { _extensions: Record<string, (m: { exports: unknown }) => void> })._extensions['.css'] = (m) => {
  m.exports = {};
};

const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { pretendToBeVisual: true });
const globals = globalThis as unknown as Record<string, unknown>;
const CLASSES = new Set(['HTMLElement', 'Element', 'Node', 'MutationObserver']);
for (const key of [
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
]) {
  const value = (dom.window as unknown as Record<string, unknown>)[key];
  // navigator is a getter-only global on Node ≥ 21.
  Object.defineProperty(globals, key, {
    value: typeof value === 'function' && !CLASSES.has(key) ? value.bind(dom.window) : value,
    configurable: true,
    writable: true,
  });
}
globals.IS_REACT_ACT_ENVIRONMENT = false;
// Measure what users run: React's production build, and emotion's production mode (insertRule). In development
// emotion appends text to <style> elements, which jsdom re-parses whole on every append and would dominate.
process.env.NODE_ENV = 'production';

export const benchDocument = dom.window.document;
