// Vitest configuration used only by StrykerJS (`npm run test:mutation`): the domain unit tests alone,
// in one reused worker without per-file isolation, so that each mutant costs milliseconds, not a worker start.
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/domain/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    isolate: false,
    setupFiles: ['tests/mutation/setup.ts'],
    reporters: ['dot'],
  },
})
