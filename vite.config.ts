/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { messageParts } from './scripts/vite/message-parts'
import { questionnaireIndex } from './scripts/vite/questionnaire-index'
import { CONTENT_SECURITY_POLICY } from './src/security-policy'

/** jsPDF's optional helpers, needed only for .html() and SVG, which the app never uses: named apart and kept out of the offline cache. */
const OPTIONAL_PDF_HELPERS = ['html2canvas', 'canvg', 'dompurify']

const CSP = CONTENT_SECURITY_POLICY

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
  plugins: [
    vue(),
    contentSecurityPolicy(),
    questionnaireIndex(fileURLToPath(new URL('./questionnaires', import.meta.url))),
    messageParts(fileURLToPath(new URL('./src/i18n/locales', import.meta.url))),
    // UI messages are compiled at build time, so the app ships vue-i18n without its message compiler (and needs no 'unsafe-eval').
    // Not under Vitest: unit tests read the locale files as plain strings.
    process.env.VITEST ? undefined : VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/i18n/locales/*.json', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: false,
      escapeHtml: false,
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false, // src/composables/useAppUpdate.ts registers it, so an update waits for the person to choose "Reload"
      manifest: {
        id: './',
        name: 'Tech Diplomacy Maturity Assessment',
        short_name: 'Tech diplomacy',
        description: 'Self-assessment of how institutionalized a country\'s tech diplomacy is, with a prioritized PDF roadmap. Works offline; answers stay on the device.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#1d4e89',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,ttf,txt,webmanifest}'],
        globIgnores: ['assets/optional-*'],
        // Each shipped questionnaire, with its texts in five languages, is a chunk of about 1.1 MB; the checker accepts
        // questionnaire files up to 3 MB, so the precache must take chunks that large or the app cannot start offline.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        chunkFileNames: (chunk) => {
          const ids = [chunk.facadeModuleId ?? '', ...chunk.moduleIds]
          const helper = OPTIONAL_PDF_HELPERS.find(name => ids.some(id => id.includes(`/node_modules/${name}/`)))
          return helper ? `assets/optional-${helper}-[hash].js` : 'assets/[name]-[hash].js'
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  // frame-ancestors is ignored in a <meta> policy: the preview server sends it (and the whole policy) as a header.
  preview: {
    host: '127.0.0.1', port: 4173, strictPort: false,
    headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`, 'X-Content-Type-Options': 'nosniff' },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
})
