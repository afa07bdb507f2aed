// Vite plugin: a strict Content-Security-Policy meta tag in production builds (no inline script, no eval, no other origins).
import type { Plugin } from 'vite';

/**
 * The policy. Inline *styles* are allowed because Cytoscape and Svelte set element styles at run time; scripts only
 * from this origin; images may be data:/blob: URLs (canvas exports); workers from this origin or blob:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function csp(): Plugin {
  return {
    name: 'kg-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [
          { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
        ];
      },
    },
  };
}
