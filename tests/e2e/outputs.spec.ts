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

  // The scores CSV leads with the verdict the screen leads with: stage and index, then the date and the questionnaire.
  await page.getByRole('link', { name: 'Résultats', exact: true }).click()
  const stage = (await page.getByTestId('overall-stage').textContent())!.trim() // "1 · Ponctuel"
  const [stageNumber, stageName] = stage.split(' · ')
  const index = (await page.getByTestId('overall-index').textContent())!.trim() // "18,8"
  const [scores] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les scores au format CSV' }).click()])
  const results = readFileSync(await scores.path(), 'utf8')
  expect(results.charCodeAt(0)).toBe(0xFEFF)
  const rows = results.slice(1).split('\r\n')
  expect(rows.slice(0, 6)).toEqual([
    `Stade global;${stageNumber};${stageName}`,
    `Indice (0–100);${index}`,
    'Date de l\'évaluation;2026-11-12',
    'Questionnaire;Maturité institutionnelle de la diplomatie technologique',
    'Version du questionnaire;1.0.0',
    '',
  ])
  expect(rows[6]!.split(';')).toHaveLength(7) // the table's columns as before
  expect(rows.at(-2)).toMatch(new RegExp(`^Global \\(indice 0–100\\);${index};${stageNumber};${stageName};;\\d+;\\d+/\\d+$`)) // the overall row, still last
  expect(errors).toEqual([])
})
})

test('"Read the questions" shows every level description, prints without the app\'s chrome, and leads back to the start', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  await page.getByRole('link', { name: /Read the questions/ }).first().click()
  const first = page.locator('.preview-indicator').first()
  await expect(first.locator('.preview-levels li')).toHaveCount(6)
  await expect(first.locator('.preview-levels li').first()).toContainText('0 · Absent')
  await expect(page.getByRole('button', { name: 'Print the questions' })).toBeVisible()
  await expect(page.locator('#sources-heading')).toHaveText('Sources')
  await expectNoSeriousA11yViolations(page)
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.app-header')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print the questions' })).toBeHidden()
  await page.screenshot({ path: `${ARTIFACTS}/questions-print.png` })
  await page.emulateMedia({ media: 'screen' })
  await page.getByRole('link', { name: /Back to the start page/ }).last().click()
  await expect(page).toHaveURL(/#\/$/)
  expect(errors).toEqual([])
})

test('Review lists every answer; source codes explain themselves; the comparison table stays in its column', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/emerging-mid.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Review' }).click()
  await expect(page.getByRole('heading', { name: 'All answers' })).toBeVisible()
  await expect(page.locator('.review-answers tbody tr')).toHaveCount(32)
  await expect(page.locator('.review-answers').first()).toContainText('Backed by documents')
  await page.screenshot({ path: `${ARTIFACTS}/review-all-answers.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('link', { name: 'Roadmap', exact: true }).click()
  const ref = page.locator('.source-ref').first()
  const code = (await ref.innerText()).split('\n')[0]!.trim()
  await ref.focus()
  await expect(ref.locator('.source-tip')).toBeVisible()
  await expect(ref).toHaveAttribute('aria-label', new RegExp(`^Source ${code}: .+`))
  await ref.click()
  await expect(page.locator(`.sources-list dt#source-${code}`)).toBeInViewport()

  await page.getByRole('link', { name: 'Results', exact: true }).click()
  await page.getByLabel('Compare with an illustrative profile').selectOption({ index: 1 })
  const column = await page.getByTestId('results-table-column').boundingBox()
  const table = await page.getByTestId('results-table').boundingBox()
  const section = await page.locator('.results-chart-section').boundingBox()
  expect(table!.x + table!.width).toBeLessThanOrEqual(column!.x + column!.width + 1)
  expect(column!.x + column!.width).toBeLessThanOrEqual(section!.x + section!.width + 1)
  await page.screenshot({ path: `${ARTIFACTS}/results-compare.png`, fullPage: true })
  expect(errors).toEqual([])
})
