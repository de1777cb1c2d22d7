import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { pdfPages } from '../pdf-text'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors, trackForeignRequests } from './helpers'

test('sign-off and draft mark set in the app land on the PDF and in the Word version, and survive a reload', async ({ page, baseURL }) => {
  const errors = trackErrors(page)
  const foreign = trackForeignRequests(page, baseURL!)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/emerging-mid.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click()

  await page.getByLabel('Mark the report as a draft ("DRAFT" on every page)').check()
  await page.getByLabel('Prepared by').fill('Ama Mensah, Policy Officer')
  await page.getByLabel('Prepared by').press('Tab')
  await page.getByLabel('Approved by').fill('Kofi Boateng, Director')
  await page.getByLabel('Approved by').press('Tab')
  await page.getByLabel('Date of approval').fill('2026-12-03')
  await page.getByLabel('Date of approval').press('Tab')
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Approved by')).toHaveValue('Kofi Boateng, Director')
  await expect(page.getByLabel('Mark the report as a draft ("DRAFT" on every page)')).toBeChecked()
  await page.getByRole('heading', { name: 'Report sign-off' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${ARTIFACTS}/roadmap-sign-off.png` })
  await expectNoSeriousA11yViolations(page)

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF roadmap' }).click()])
  const pages = (await pdfPages(new Uint8Array(readFileSync(await pdf.path())))).map(p => p.replace(/\s+/g, ' '))
  expect(pages[0]).toContain('Ama Mensah, Policy Officer')
  expect(pages[0]).toContain('Kofi Boateng, Director')
  expect(pages[0]).toContain('Key message')
  for (const text of pages) expect(text).toContain('DRAFT')

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word version (.docx)' }).click()])
  expect(docx.suggestedFilename()).toBe('ghana-2026-11-18.roadmap.docx')
  const path = await docx.path()
  expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK')
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 50 * 1024 * 1024 })
  for (const text of ['Tech diplomacy roadmap', 'Key message', 'Executive summary', 'Roadmap', 'Findings by dimension', 'Methodology', 'Kofi Boateng, Director']) expect(xml).toContain(text)
  expect(execFileSync('unzip', ['-p', path, 'word/header1.xml'], { encoding: 'utf8' })).toContain('DRAFT')

  expect(foreign).toEqual([])
  expect(errors).toEqual([])
})

test.describe('in the Solomon Islands\' time zone', () => {
  test.use({ timezoneId: 'Pacific/Guadalcanal' })

test('in French, the CSV exports open in columns in a French spreadsheet: byte-order mark, ";" and local times', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  await page.locator('.language-menu select').selectOption('fr')
  await page.getByLabel('Importer un fichier de réponses…').setInputFiles('tests/fixtures/ldc-island-early.tda.json')
  await page.getByRole('link', { name: 'L’ouvrir' }).or(page.getByRole('link', { name: 'L\'ouvrir' })).click()
  const [answers] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les réponses au format CSV' }).click()])
  const text = readFileSync(await answers.path(), 'utf8')
  expect(text.charCodeAt(0)).toBe(0xFEFF)
  const [head, first] = text.slice(1).split('\r\n')
  expect(head!.split(';')).toHaveLength(9)
  expect(head).not.toContain(',')
  expect(first).toMatch(/;\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+11:00$/)
  expect(errors).toEqual([])
})
})
