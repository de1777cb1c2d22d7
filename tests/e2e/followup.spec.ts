import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { pdfPages } from '../pdf-text'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

/*
 * The earlier assessment: Solomon Islands, 12 November 2026, questionnaire 1.0.0 (tests/fixtures/ldc-island-early.tda.json).
 * Its plan holds, among others: A1.12b "Set up a functional mailbox…" (I1.1 2, I1.4 1 → aims 2), A3.12c "Set up a shared
 * repository…" (I3.4 1, I3.3 1 → aims 2), A2.12a "Write a 3–4 page priority note…" (I2.2 1, I2.1 2 → aims 2) and
 * "Find out" for I8.1 (don't know). The follow-up (on 1.1.0) raises I1.4 to 2, I3.3 to 2 and answers I8.1 with 1:
 * A1.12b done, A3.12c progressing (one of its two indicators rose), A2.12a not yet, the I8.1 find-out done;
 * Mandate goes from stage 1 (score 1.75) to stage 2 (score 2.0).
 */
test('a follow-up shows the change per dimension and the earlier roadmap\'s follow-through, on screen and in the PDF', async ({ page }) => {
  test.setTimeout(90_000)
  const errors = trackErrors(page)
  await page.goto('/')
  // The fixture is in French; this journey reads the English screens.
  const english = readFileSync('tests/fixtures/ldc-island-early.tda.json', 'utf8').replace('"locale": "fr"', '"locale": "en"')
  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'solomon-islands.tda.json', mimeType: 'application/json', buffer: Buffer.from(english) })
  await page.getByRole('link', { name: 'Open it' }).click()

  // The earlier roadmap: an owner and a date on one action.
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click()
  const mailbox = page.locator('.roadmap-item[data-item="A1.12b"]')
  await mailbox.getByLabel('Owner').fill('Policy Planning Directorate')
  await mailbox.getByLabel('Owner').press('Tab')
  await mailbox.getByLabel('Target date').fill('2027-03-31')
  await mailbox.getByLabel('Target date').press('Tab')
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
  await expect(mailbox.getByLabel('Owner')).toHaveValue('Policy Planning Directorate')

  // Start the follow-up from the home list, answers carried over.
  await page.goto('/')
  const row = page.locator('tr[data-assessment]').first()
  await row.getByRole('link', { name: /^Start a follow-up of Solomon Islands/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Start a follow-up' })).toBeVisible()
  await expect(page.getByText('The follow-up uses the questionnaire')).toContainText('version 1.1.0')
  await expect(page.getByLabel(/Copy the earlier answers/)).toBeChecked()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Start the follow-up' }).click()

  // The questionnaire, with every answer carried over and marked.
  await expect(page.locator('.assessment-header')).toContainText('· 1.1.0')
  const i11 = page.locator('[data-indicator="I1.1"]')
  await expect(i11.locator('[data-fresh-look]')).toContainText('Carried over — confirm or change')
  await expect(i11.locator('[data-fresh-look]')).toContainText('carried over from the assessment of November 12, 2026')
  await expect(i11.getByRole('radio', { name: /^2 ·/ })).toBeChecked()
  await i11.getByRole('button', { name: 'Confirm this answer' }).click()
  await expect(i11.locator('[data-fresh-look]')).toHaveCount(0)
  const i14 = page.locator('[data-indicator="I1.4"]')
  await i14.getByRole('radio', { name: /^2 ·/ }).check()
  await expect(i14.locator('[data-fresh-look]')).toHaveCount(0)
  await page.screenshot({ path: `${ARTIFACTS}/followup-carried-over.png` })

  await page.goto(page.url().replace(/questions.*$/, 'questions/people'))
  await page.locator('[data-indicator="I3.3"]').getByRole('radio', { name: /^2 ·/ }).check()
  await page.goto(page.url().replace(/questions.*$/, 'questions/resources'))
  await page.locator('[data-indicator="I8.1"]').getByRole('radio', { name: /^1 ·/ }).check()

  await page.getByRole('link', { name: 'Review', exact: true }).click()
  await expect(page.getByRole('heading', { name: /answers carried over to confirm or change$/ })).toBeVisible()

  // Results: "Since November 12, 2026".
  await page.getByRole('link', { name: 'Results', exact: true }).click()
  const since = page.getByTestId('followup-since')
  await expect(since.getByRole('heading', { level: 2, name: 'Since November 12, 2026' })).toBeVisible()
  await expect(since.getByTestId('followup-overall')).toContainText('Overall stage: 1 · Ad hoc →')
  const mandate = since.locator('tr[data-dimension="mandate"]')
  await expect(mandate).toContainText('1 · Ad hoc')
  await expect(mandate).toContainText('2 · Emerging')
  await expect(mandate).toContainText('stage up, score up')
  await expect(since.locator('tr[data-dimension="strategy"]')).toContainText('stage same, score same')
  const through = since.getByTestId('followup-through')
  await expect(through.locator('tr[data-item="A1.12b"]')).toContainText('Policy Planning Directorate')
  await expect(through.locator('tr[data-item="A1.12b"]')).toContainText('March 31, 2027')
  await expect(through.locator('tr[data-item="A1.12b"]')).toHaveAttribute('data-status', 'done')
  await expect(through.locator('tr[data-item="A1.12b"]')).toContainText('Done')
  await expect(through.locator('tr[data-item="A3.12c"]')).toContainText('Progressing')
  await expect(through.locator('tr[data-item="A2.12a"]')).toContainText('Not yet')
  await expect(through.locator('tr[data-item="find-out:I8.1"]')).toContainText('Done')
  await expect(through.locator('tr[data-item="find-out:I7.2"]')).toContainText('Not yet')
  await expect(since).toContainText('Every indicator could be compared.')
  await expectNoSeriousA11yViolations(page)
  await since.screenshot({ path: `${ARTIFACTS}/followup-since.png` })
  await page.setViewportSize({ width: 360, height: 780 })
  const box = (await since.boundingBox())!
  await page.screenshot({ path: `${ARTIFACTS}/followup-since-360.png`, fullPage: true, clip: { x: 0, y: box.y, width: 360, height: 1400 } })
  await page.screenshot({ path: `${ARTIFACTS}/followup-since-360-through.png`, fullPage: true, clip: { x: 0, y: box.y + 3000, width: 360, height: 1400 } })
  await page.setViewportSize({ width: 1280, height: 900 })

  // The PDF says the same.
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF roadmap' }).click()])
  const text = (await pdfPages(new Uint8Array(readFileSync(await pdf.path())))).join(' ').replace(/\s+/g, ' ')
  expect(text).toContain('Since November 12, 2026')
  expect(text).toMatch(/Mandate[^]*?1 · Ad hoc 2 · Emerging 1\.8 2\.0 stage up, score up/)
  expect(text).toMatch(/Set up a functional mailbox and a shared contact list \([^)]+\) Policy Planning Directorate March 31, 2027 2 · Emerging 2 · Emerging Done/)
  expect(text).toMatch(/Set up a shared repository and require handover notes on tech files \([^)]+\) [^]*? Progressing/)
  expect(text).toContain('Every indicator could be compared.')
  expect(errors).toEqual([])
})

test('a follow-up started with blank answers keeps the earlier assessment after it is deleted', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/pioneer.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Results', exact: true }).click()
  await page.getByRole('link', { name: 'Start a follow-up' }).click()
  await page.getByLabel('Start with blank answers').check()
  await page.getByRole('button', { name: 'Start the follow-up' }).click()
  await expect(page.locator('[data-fresh-look]')).toHaveCount(0)
  await expect(page.locator('input[type="radio"]:checked')).toHaveCount(0)

  await page.goto('/')
  const rows = page.locator('tr[data-assessment]')
  await expect(rows).toHaveCount(2)
  const earlier = rows.filter({ hasText: 'Nov 20, 2026' })
  await earlier.getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(rows).toHaveCount(1)
  await rows.first().getByRole('link', { name: 'Continue' }).click()
  await page.getByRole('link', { name: 'Results', exact: true }).click()
  const since = page.getByTestId('followup-since')
  await expect(since.getByRole('heading', { level: 2, name: 'Since November 20, 2026' })).toBeVisible()
  // Nothing answered yet: every earlier item is "not yet".
  await expect(page.getByTestId('followup-summary')).toContainText(/\d+ items in the earlier roadmap: 0 done, 0 progressing, \d+ not yet, 0 not compared\./)
})

test('a follow-up starts from a workshop delegation\'s consensus and is compared with it', async ({ page }) => {
  test.setTimeout(40_000)
  const errors = trackErrors(page)
  await page.goto('/')
  await page.getByRole('link', { name: 'New workshop' }).click()
  await page.getByLabel(/^Title of the workshop/).fill('Honiara planning workshop')
  await page.getByLabel('Search countries').fill('Solomon')
  await page.getByLabel(/^Country/).selectOption('SLB')
  await page.getByLabel(/^Ministry/).fill('Ministry of Foreign Affairs')
  await page.getByLabel(/^Unit/).fill('Policy Planning')
  await page.getByRole('button', { name: 'Create the workshop' }).click()

  // Two participants' files: the 1.0.0 fixture carried to 1.1.0 is refused, so both are written for 1.1.0.
  const participant = (name: string, level: number) => {
    const file = JSON.parse(readFileSync('tests/fixtures/ldc-island-early.tda.json', 'utf8')) as { questionnaire: { version: string }, assessment: { locale: string, createdAt: string, answers: Record<string, { kind: string, level?: number }> } }
    file.questionnaire.version = '1.1.0'
    file.assessment.locale = 'en'
    file.assessment.createdAt = `2026-11-0${level}T10:00:00.000Z`
    file.assessment.answers['I1.4'] = { ...file.assessment.answers['I1.4']!, kind: 'level', level }
    return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) }
  }
  await page.getByLabel('Choose answers files…').setInputFiles([participant('p1.tda.json', 1), participant('p2.tda.json', 2)])
  await page.getByRole('link', { name: /See the results of the consensus/ }).click()
  await page.getByRole('link', { name: 'Start a follow-up' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Start a follow-up' })).toBeVisible()
  await expect(page.getByText(/since the consensus of the workshop “Honiara planning workshop”/)).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Start the follow-up' }).click()

  // The follow-up is an ordinary saved assessment, compared with the consensus (I1.4: median of 1 and 2 = 1).
  await expect(page.locator('[data-indicator="I1.4"]').getByRole('radio', { name: /^1 ·/ })).toBeChecked()
  await page.locator('[data-indicator="I1.4"]').getByRole('radio', { name: /^2 ·/ }).check()
  await page.getByRole('link', { name: 'Results', exact: true }).click()
  const since = page.getByTestId('followup-since')
  await expect(since).toContainText('Compared with the workshop consensus “Honiara planning workshop”')
  await expect(since.locator('tr[data-dimension="mandate"]')).toContainText('stage up')
  await expect(since.getByTestId('followup-through').locator('tr[data-item="A1.12b"]')).toContainText('Done')
  expect(errors).toEqual([])
})
