import { writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { ARTIFACTS } from './helpers'

/** The first screen's budget: JS + CSS the home page transfers until the network is idle, gzip-compressed. */
const BUDGET_KB = 150

test(`the home page transfers at most ${BUDGET_KB} KB of JS + CSS (gzip) until the network is idle`, async ({ page }) => {
  const sizes: Array<{ url: string, gzip: number }> = []
  const reading: Array<Promise<void>> = []
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type !== 'script' && type !== 'stylesheet') return
    // The preview server does not compress, so measure what gzip would send for each body.
    reading.push(response.body().then((body) => { sizes.push({ url: new URL(response.url()).pathname, gzip: gzipSync(body, { level: 9 }).length }) }))
  })
  await page.goto('/')
  await expect(page.getByRole('button', { name: /Start a new assessment/ }).first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  await Promise.all(reading)
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0) / 1024
  const lines = sizes.sort((a, b) => b.gzip - a.gzip).map(s => `${(s.gzip / 1024).toFixed(1).padStart(7)} KB  ${s.url}`)
  const report = `home page JS + CSS: ${total.toFixed(1)} KB gzip in ${sizes.length} files (budget ${BUDGET_KB} KB)\n${lines.join('\n')}\n`
  writeFileSync(`${ARTIFACTS}/first-screen-budget.txt`, report)
  console.log(report)
  expect(total, report).toBeLessThanOrEqual(BUDGET_KB)
})
