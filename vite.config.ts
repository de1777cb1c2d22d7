/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

/**
 * The Content-Security-Policy of the built app: its own scripts, styles, fonts and data only; no inline script,
 * no eval, nothing fetched from or sent to another site. `data:`/`blob:` images cover the chart and downloads.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** Puts the policy in the built index.html. Only for builds: the dev server injects inline styles for hot reload. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    // Right after the charset and before any script or style, so that the policy covers all of them.
    transformIndexHtml(html) {
      const charset = '<meta charset="UTF-8" />'
      if (!html.includes(charset)) throw new Error(`index.html must start its head with ${charset}: the policy goes right after it`)
      return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`)
    },
  }
}

export default defineConfig({
  plugins: [vue(), contentSecurityPolicy()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: { host: '127.0.0.1' },
  // frame-ancestors is ignored in a <meta> policy: the preview server sends it (and the whole policy) as a header.
  preview: {
    host: '127.0.0.1', port: 4173, strictPort: false,
    headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`, 'X-Content-Type-Options': 'nosniff' },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
})
