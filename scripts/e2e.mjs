// Runs the Playwright journeys against the production build in a system Chromium.
// Fails loudly (never skips) when no browser is installed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findChromium } from './find-chromium.mjs'

const chromium = findChromium()
if (!chromium) {
  console.error([
    'End-to-end tests need a Chromium or Chrome browser, and none was found.',
    '  Debian/Ubuntu: apt-get install chromium',
    '  Any other Chrome: set CHROMIUM_PATH=/path/to/chrome',
    process.env.CHROMIUM_PATH ? `  (CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist)` : '',
  ].filter(Boolean).join('\n'))
  process.exit(1)
}
if (!existsSync('dist/index.html')) {
  console.error('No production build in dist/: run `npm run build` first (npm test does).')
  process.exit(1)
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
})
process.exit(result.status ?? 1)
