import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

test('an imported 1.0.0 assessment is upgraded to 1.1.0: what changed is listed, the reworded answers are marked and looked at again', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  // New assessments use the newest version only; 1.0.0 stays loaded for old files.
  await expect(page.locator('.questionnaire-card')).toHaveCount(1)
  await expect(page.locator('.questionnaire-card')).toContainText('Version 1.1.0')

  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/pioneer.tda.json')
  await expect(page.getByText('pioneer.tda.json was imported as a new assessment.')).toBeVisible()
  const row = page.locator('tr[data-assessment]').first()
  await expect(row.getByRole('link', { name: /^Upgrade to 1\.1\.0: the assessment of / })).toHaveText('Upgrade to 1.1.0')
  await row.getByRole('link', { name: 'Continue' }).click()

  // Inside the assessment, still on 1.0.0, a banner offers the upgrade.
  await expect(page.locator('.assessment-header')).toContainText('· 1.0.0')
  await page.getByRole('link', { name: 'See what changes and upgrade' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Upgrade to questionnaire version 1.1.0')
  await expect(page.getByText('Version 1.1.0 states two reading rules at the top of the questionnaire')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Questions that changed (13)' })).toBeVisible()
  await expect(page.getByText('9 answers will be marked for a fresh look')).toBeVisible()
  const rows = page.locator('.upgrade-table tbody tr')
  await expect(rows).toHaveCount(13)
  const diaspora = page.locator('tr[data-change="I5.4"]')
  await expect(diaspora).toContainText('Reworded; answer kept and marked for a fresh look')
  await expect(diaspora).toContainText('“Not applicable” may be chosen when the country has no diaspora working in technology')
  await expect(diaspora.locator('td').nth(1)).toHaveText('3 · Established')
  await expect(diaspora.locator('td').nth(2)).toContainText('3 · Established')
  await expect(diaspora.locator('td').nth(2)).toContainText('marked for a fresh look')
  await expect(page.locator('tr[data-change="I8.2"]')).toContainText('Wording clarified; answer kept')
  await expect(page.locator('tr[data-change="I8.2"] .badge')).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)
  await page.screenshot({ path: `${ARTIFACTS}/upgrade-en.png`, fullPage: true })

  await page.getByRole('button', { name: 'Upgrade to version 1.1.0' }).click()
  await expect(page.getByText('The assessment now uses version 1.1.0.')).toBeVisible()
  await expect(page.locator('.assessment-header')).toContainText('· 1.1.0')
  await expect(page.getByText('See what changes and upgrade')).toHaveCount(0)
  const marked = page.locator('.fresh-look-list li')
  await expect(page.getByRole('heading', { name: '9 answers to look at again after the upgrade' })).toBeVisible()
  await expect(marked).toHaveCount(9)

  // The questionnaire shows why I5.4 needs a fresh look; "Not applicable" is now offered and settles it.
  await marked.filter({ hasText: 'I5.4' }).getByRole('link').click()
  const i54 = page.locator('[data-indicator="I5.4"]')
  await expect(i54.locator('[data-fresh-look]')).toContainText('Look at this answer again')
  await expect(i54.locator('[data-fresh-look]')).toContainText('The question is now about the diaspora in technology only')
  await i54.screenshot({ path: `${ARTIFACTS}/upgrade-fresh-look.png` })
  await i54.getByRole('radio', { name: /Not applicable/ }).check()
  await expect(i54.locator('[data-fresh-look]')).toHaveCount(0)

  // I5.3's answer still holds: confirm it without changing it.
  const i53 = page.locator('[data-indicator="I5.3"]')
  await expect(i53.getByRole('radio', { name: /^4 ·/ })).toBeChecked()
  await i53.getByRole('button', { name: 'The answer still holds' }).click()
  await expect(i53.locator('[data-fresh-look]')).toHaveCount(0)
  await expect(i53.getByRole('radio', { name: /^4 ·/ })).toBeChecked()
  await expectNoSeriousA11yViolations(page)

  // The marks go at once, the writes follow: reload only once they are on the device.
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
  await page.reload()
  await page.getByRole('link', { name: 'Review' }).click()
  await expect(page.getByRole('heading', { name: '7 answers to look at again after the upgrade' })).toBeVisible()
  await expect(page.locator('.fresh-look-list')).not.toContainText('I5.4')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers (.tda.json)' }).click()])
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { questionnaire: { version: string }, assessment: { answers: Record<string, { kind: string }>, freshLook: Record<string, unknown> } }
  expect(exported.questionnaire.version).toBe('1.1.0')
  expect(exported.assessment.answers['I5.4']?.kind).toBe('not_applicable')
  expect(Object.keys(exported.assessment.freshLook).sort()).toEqual(['I1.2', 'I2.4', 'I3.3', 'I6.1', 'I6.2', 'I7.3', 'I8.4'])

  // The first step of the questionnaire states the reading rules.
  await page.getByRole('link', { name: 'Questionnaire' }).click()
  await page.getByRole('link', { name: /Mandate/ }).first().click()
  await expect(page.getByRole('heading', { name: 'How to choose an answer' })).toBeVisible()
  await expect(page.locator('.reading-rules')).toContainText('Rule 1, when to choose “Don\'t know”')
  await expect(page.locator('.reading-rules')).toContainText('Rule 2, when an element of a lower level is not mentioned')
  expect(errors).toEqual([])
})

test('a French assessment on 1.0.0 shows the changes in French, and the user may keep 1.0.0', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/ldc-island-early.tda.json')
  await page.getByRole('link', { name: 'Upgrade to 1.1.0' }).first().click()

  // The assessment is in French: the interface follows it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passer à la version 1.1.0 du questionnaire')
  await expect(page.getByText('La version 1.1.0 énonce deux règles de lecture en tête du questionnaire')).toBeVisible()
  await expect(page.getByText('9 réponses seront signalées pour réexamen')).toBeVisible()
  const integrity = page.locator('tr[data-change="I5.3"]')
  await expect(integrity).toContainText('Question reformulée ; réponse conservée et signalée pour réexamen')
  await expect(integrity).toContainText('les seules règles générales de la fonction publique relèvent du niveau 1')
  await expect(integrity.locator('td').nth(1)).toHaveText('Ne sait pas')
  await expectNoSeriousA11yViolations(page)
  await page.screenshot({ path: `${ARTIFACTS}/upgrade-fr.png`, fullPage: true })

  await page.getByRole('link', { name: 'Conserver la version 1.0.0' }).click()
  await expect(page.locator('.assessment-header')).toContainText('· 1.0.0')
  await expect(page.getByRole('link', { name: 'Voir les changements et mettre à niveau' })).toBeVisible()
  await page.getByRole('link', { name: 'Vérification' }).click()
  await expect(page.locator('.fresh-look-list')).toHaveCount(0)
  expect(errors).toEqual([])
})

test('the upgrade screen reads at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 })
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/emerging-mid.tda.json')
  await page.getByRole('link', { name: 'Upgrade to 1.1.0' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Upgrade to questionnaire version 1.1.0')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: `${ARTIFACTS}/upgrade-360.png`, fullPage: false })
})
