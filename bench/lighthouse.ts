// Lighthouse 12.2.3 (mobile preset: simulated slow 4G and a mid-range phone) on the built app, served by
// `vite preview`, in the system Chromium. Prints performance, accessibility and best-practices scores for the
// home page (first visit) and the results page (with a saved assessment). Informative: it never fails the run.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { findChromium } from '../scripts/find-chromium.mjs'

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
const TARGET = 95
/** Runs per page: the median is reported, because one run on a busy machine can be far off. */
const RUNS = 3

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    }
    catch { /* not up yet */ }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${ms} ms`)
}

async function audit(url: string, port: number, keepStorage: boolean): Promise<string> {
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const run = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], disableStorageReset: keepStorage })
    if (run) runs.push(run)
  }
  runs.sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0))
  const result = runs[Math.floor(runs.length / 2)]
  if (!result) return 'no result'
  const spread = runs.map(run => Math.round((run.lhr.categories.performance?.score ?? 0) * 100)).join(' / ')
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
    .map(id => `${id.replace(/-/g, ' ')} ${result.lhr.audits[id]?.displayValue ?? '—'}`).join(', ')
  const bootup = (result.lhr.audits['bootup-time']?.details as { items?: Array<{ url: string, total: number }> } | undefined)?.items ?? []
  const heaviest = bootup.slice(0, 3).map(item => `${item.url.replace(/^https?:\/\/[^/]+\//, '')} ${Math.round(item.total)} ms`).join(', ')
  return `${CATEGORIES.map((id) => {
    const score = result.lhr.categories[id]?.score
    const shown = score === null || score === undefined ? '—' : Math.round(score * 100)
    return `${id} ${shown}${typeof shown === 'number' && shown < TARGET ? ` (target ≥ ${TARGET})` : ''}`
  }).join(', ')}
    (median of ${runs.length} runs by performance: ${spread}; ${metrics})
    main-thread time by script: ${heaviest}`
}

export async function runLighthouse(): Promise<void> {
  console.log(`== Lighthouse 12.2.3, mobile preset (targets ≥ ${TARGET})`)
  const chromePath = findChromium()
  if (!chromePath) {
    console.log('  skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)')
    return
  }
  const appPort = await freePort()
  const base = `http://127.0.0.1:${appPort}/`
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort'], { stdio: 'ignore', detached: true })
  const profile = mkdtempSync(join(tmpdir(), 'tda-lighthouse-'))
  let chrome: chromeLauncher.LaunchedChrome | undefined
  try {
    await waitFor(base, 30_000)
    chrome = await chromeLauncher.launch({
      chromePath,
      userDataDir: profile,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    console.log(`  home (first visit): ${await audit(base, chrome.port, false)}`)

    // A saved assessment for the results page, imported the way a person does it.
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)
    const page = await browser.contexts()[0]!.newPage()
    await page.goto(base)
    await page.locator('input[type="file"][accept*=".tda.json"]').setInputFiles('tests/fixtures/emerging-mid.tda.json')
    const link = page.locator('a[href*="#/assessments/"]').first()
    await link.waitFor()
    const results = new URL(`${(await link.getAttribute('href'))!.replace(/\/$/, '')}/results`, base).href
    await page.close()
    await browser.close()
    console.log(`  results: ${await audit(results, chrome.port, true)}`)
  }
  catch (error) {
    console.log(`  not measured this time: ${error instanceof Error ? error.message : String(error)}`)
  }
  finally {
    chrome?.kill()
    if (server.pid) process.kill(-server.pid)
    rmSync(profile, { recursive: true, force: true })
  }
}
