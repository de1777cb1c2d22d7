import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { pdfPages } from '../pdf-text'
import { ARTIFACTS, trackErrors } from './helpers'
import { serveFolder } from './static-server'

/** Waits until the service worker is active, i.e. it has stored the whole app for offline use. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => { await navigator.serviceWorker.ready })
}

test('after one visit the app reloads, continues an assessment, shows results and makes the PDF with the network off', async ({ page, context }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/emerging-mid.tda.json')
  await expect(page.getByRole('link', { name: 'Open it' })).toBeVisible()
  await waitForOfflineReady(page)

  await context.setOffline(true)
  const fromNetwork: string[] = []
  page.on('response', (response) => { if (!response.fromServiceWorker() && !response.url().startsWith('data:') && !response.url().startsWith('blob:')) fromNetwork.push(response.url()) })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: /tech diplomacy/i })).toBeVisible()
  await page.getByRole('link', { name: 'Continue' }).first().click()
  await page.getByRole('link', { name: 'Questionnaire', exact: true }).click()
  const indicator = page.locator('.indicator').first()
  await indicator.getByRole('radio').nth(1).check()
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()

  await page.getByRole('link', { name: 'Results', exact: true }).click()
  await expect(page.getByTestId('overall-stage')).not.toBeEmpty()
  await expect(page.locator('.radar-wrapper canvas')).toBeVisible()
  const stage = (await page.getByTestId('overall-stage').textContent())!.trim()
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF roadmap' }).click()])
  const text = (await pdfPages(new Uint8Array(readFileSync(await pdf.path())))).join(' ').replace(/\s+/g, ' ')
  expect(text).toContain('Ghana')
  expect(text).toContain(`Overall stage: ${stage}`)
  await page.screenshot({ path: `${ARTIFACTS}/offline-results.png` })
  expect(fromNetwork, 'everything came from the offline cache').toEqual([])
  expect(errors).toEqual([])
})

test('a new deployment offers "Reload to update" and waits for the person, who keeps what they are typing', async ({ browser }) => {
  const folder = mkdtempSync(join(tmpdir(), 'tda-deploy-'))
  cpSync('dist', folder, { recursive: true })
  const { url, server } = await serveFolder(folder)
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(url)
    await waitForOfflineReady(page)
    await page.reload() // a returning visitor: the page is now served and controlled by the service worker
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/emerging-mid.tda.json')
    await page.getByRole('link', { name: 'Open it' }).click()
    await page.getByRole('link', { name: 'Context profile', exact: true }).click()
    await page.getByLabel(/^Unit or department/).fill('Digital Affairs Desk, half-typed')
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0)

    appendFileSync(join(folder, 'sw.js'), '\n// the next version\n') // a new deployment: the service worker changed
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update() })
    await expect(page.getByRole('button', { name: 'Reload to update' })).toBeVisible()
    await expect(page.getByText('A new version of this app is ready.')).toBeVisible()
    await page.screenshot({ path: `${ARTIFACTS}/update-prompt.png` })
    await page.waitForTimeout(1500)
    await expect(page.getByLabel(/^Unit or department/)).toHaveValue('Digital Affairs Desk, half-typed')

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()])
    await expect(page.getByRole('heading', { name: 'Context profile' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0)
    const active = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return (await fetch(registration!.active!.scriptURL, { cache: 'no-store' })).text()
    })
    expect(active).toContain('the next version')
  }
  finally {
    await context.close()
    server.close()
    rmSync(folder, { recursive: true, force: true })
  }
})

test('the first visit after install already offers a new deployment, and "Reload to update" switches to it', async ({ browser }) => {
  const folder = mkdtempSync(join(tmpdir(), 'tda-deploy-'))
  cpSync('dist', folder, { recursive: true })
  const { url, server } = await serveFolder(folder)
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(url)
    await waitForOfflineReady(page) // installed on this visit: the page itself is not controlled by the service worker
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull()
    await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/emerging-mid.tda.json')
    await page.getByRole('link', { name: 'Open it' }).click()
    await page.getByRole('link', { name: 'Context profile', exact: true }).click()
    await page.getByLabel(/^Unit or department/).fill('Digital Affairs Desk, half-typed')

    appendFileSync(join(folder, 'sw.js'), '\n// the next version\n')
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update() })
    await expect(page.getByRole('button', { name: 'Reload to update' })).toBeVisible()
    await page.waitForTimeout(1500)
    await expect(page.getByLabel(/^Unit or department/)).toHaveValue('Digital Affairs Desk, half-typed')
    await page.screenshot({ path: `${ARTIFACTS}/update-prompt-first-visit.png` })

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()])
    await expect(page.getByRole('heading', { name: 'Context profile' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0)
    const active = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return (await fetch(registration!.active!.scriptURL, { cache: 'no-store' })).text()
    })
    expect(active).toContain('the next version')
  }
  finally {
    await context.close()
    server.close()
    rmSync(folder, { recursive: true, force: true })
  }
})

test('a first-visit tab next to a returning one: the new version waits for both, and "Reload to update" still switches', async ({ browser }) => {
  const folder = mkdtempSync(join(tmpdir(), 'tda-deploy-'))
  cpSync('dist', folder, { recursive: true })
  const { url, server } = await serveFolder(folder)
  const context = await browser.newContext()
  try {
    const first = await context.newPage()
    await first.goto(url)
    await waitForOfflineReady(first)
    const returning = await context.newPage() // opened after install: controlled, so it holds the new version back
    await returning.goto(url)
    await expect.poll(() => returning.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    expect(await first.evaluate(() => navigator.serviceWorker.controller)).toBeNull()

    appendFileSync(join(folder, 'sw.js'), '\n// the next version\n')
    await first.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update() })
    await expect(first.getByRole('button', { name: 'Reload to update' })).toBeVisible()
    expect(await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true)

    await Promise.all([first.waitForEvent('load'), first.getByRole('button', { name: 'Reload to update' }).click()])
    await expect(first.getByRole('button', { name: 'Reload to update' })).toHaveCount(0)
    await expect.poll(() => first.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return (await fetch(registration!.active!.scriptURL, { cache: 'no-store' })).text()
    })).toContain('the next version')
  }
  finally {
    await context.close()
    server.close()
    rmSync(folder, { recursive: true, force: true })
  }
})
