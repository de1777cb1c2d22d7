import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

const valid = readFileSync('tests/fixtures/answers/minimal.tda.json', 'utf8')
const mini = JSON.parse(readFileSync('tests/fixtures/questionnaires/mini.json', 'utf8')) as Record<string, unknown> & { indicators: Array<Record<string, unknown>>, dimensions: Array<Record<string, unknown>> }

// Words of any English sentence the checker, the importer or storage used to show; none belongs in French text.
const ENGLISH = /\b(the|is|are|not|must|expected|found|required|unknown|invalid|was|were|cannot|file|level|above|allowed|too|only)\b/i

/** The sentences a person reads in the refusals (titles, plain words, "and N more"), without the path details. */
async function refusalSentences(page: Page): Promise<string[]> {
  return page.locator('.alert-error').evaluateAll(alerts => alerts.flatMap(alert => [
    ...[...alert.querySelectorAll('h3, .issue-text, .issue-more')].map(node => node.textContent ?? ''),
  ]))
}

async function useFrench(page: Page) {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fr')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
}

test('in French, a broken answers file and a broken questionnaire are refused without one English sentence', async ({ page }) => {
  const errors = trackErrors(page)
  await useFrench(page)

  const broken = JSON.parse(valid) as { assessment: { profile: Record<string, unknown>, answers: Record<string, unknown> } }
  broken.assessment.profile.date = '2026-13-45'
  broken.assessment.profile.missionsAbroad = 'forty'
  broken.assessment.answers['I1.1'] = { kind: 'maybe', evidence: '', updatedAt: '2026-11-20T09:00:00.000Z' }
  Object.assign(broken.assessment.answers, { toString: { kind: 'dont_know', evidence: '', updatedAt: '2026-11-20T09:00:00.000Z' } })
  await page.getByLabel('Importer un fichier de réponses…').setInputFiles({ name: 'cassé.tda.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
  const importAlert = page.locator('.alert-error', { hasText: 'cassé.tda.json' })
  await expect(importAlert).toContainText('Ce n\'est pas une date réelle (format attendu : AAAA-MM-JJ, par exemple 2026-11-23).')
  await expect(importAlert).toContainText('cassé.tda.json › assessment.profile.date')
  await expect(importAlert).toContainText('Valeur attendue : un nombre ; valeur trouvée : du texte.')
  await expect(importAlert).toContainText('Type de réponse inconnu')
  await expect(importAlert).toContainText('Cet identifiant est un nom réservé par le logiciel')

  const questionnaire = structuredClone(mini)
  questionnaire.version = 'un'
  questionnaire.indicators[0]!.id = 'constructor'
  questionnaire.indicators[1]!.weight = 0
  questionnaire.dimensions[0]!.colour = 'bleu'
  await page.getByLabel('Ouvrir un fichier de questionnaire…').setInputFiles({ name: 'adapté.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(questionnaire)) })
  const openAlert = page.locator('.alert-error', { hasText: 'adapté.json' })
  await expect(openAlert).toContainText('Une version s\'écrit comme 1.0.0.')
  await expect(openAlert).toContainText('Une pondération doit être supérieure à 0.')
  await expect(openAlert).toContainText('Nom(s) de champ inconnu(s) : "colour".')
  const before = await refusalSentences(page)

  await page.getByLabel('Ouvrir un fichier de questionnaire…').setInputFiles({ name: 'rapport.json', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj') })
  await expect(page.locator('.alert-error', { hasText: 'rapport.json' })).toContainText('Ce fichier ressemble à un PDF, pas à un fichier de questionnaire.')

  const sentences = [...before, ...await refusalSentences(page)]
  expect(sentences.length).toBeGreaterThan(10)
  // Values quoted from the file format ("level", "dont_know") are the file's own words, not sentences: left out.
  expect(sentences.filter(sentence => ENGLISH.test(sentence.replace(/"[^"]*"|“[^”]*”|« [^»]* »/g, '')))).toEqual([])
  await page.screenshot({ path: `${ARTIFACTS}/refusals-fr.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)
  expect(errors).toEqual([])
})

test('a PDF chosen as an answers file is named for what it is, and a file with 10,000 problems lists 50', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'roadmap.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj') })
  await expect(page.getByRole('alert')).toContainText('This looks like a PDF, not an answers file.')

  const many = JSON.parse(valid) as { assessment: { answers: Record<string, unknown> } }
  many.assessment.answers = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`I${i}`, { kind: 'maybe', evidence: '', updatedAt: '2026-11-20T09:00:00.000Z' }]))
  const started = Date.now()
  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'many.tda.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(many)) })
  const alert = page.locator('.alert-error', { hasText: 'many.tda.json' })
  await expect(alert).toContainText('…and 9,950 more problems.')
  const shownAfter = Date.now() - started
  await expect(alert.locator('li')).toHaveCount(50)
  await expect(alert.locator('h3')).toHaveText('many.tda.json was not imported: 10000 problems found. Nothing was changed.')
  test.info().annotations.push({ type: 'refusal of 10,000 problems shown after', description: `${shownAfter} ms` })
})

test('a file with an impossible date is refused, and after a reload every saved assessment is still listed', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/answers/minimal.tda.json')
  await expect(page.getByText('minimal.tda.json was imported as a new assessment.')).toBeVisible()
  const rows = page.locator('.assessment-table tbody tr')
  await expect(rows).toHaveCount(1)

  for (const date of ['2026-13-45', 'abcdefghij', '2026-1-1']) {
    const bad = valid.replace('"date": "2026-11-20"', `"date": "${date}"`)
    await page.getByLabel('Import an answers file…').setInputFiles({ name: `date-${date}.tda.json`, mimeType: 'application/json', buffer: Buffer.from(bad) })
    await expect(page.locator('.alert-error', { hasText: `date-${date}.tda.json` })).toContainText('This is not a real date (expected YYYY-MM-DD, e.g. 2026-11-23).')
  }
  await page.reload()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Ministry of Foreign Affairs')
})

test('an answers file in a language the questionnaire lacks is imported in English, with a note', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'odd.tda.json', mimeType: 'application/json', buffer: Buffer.from(valid.replace('"locale": "en"', '"locale": "toString"')) })
  await expect(page.getByText('odd.tda.json was imported as a new assessment.')).toBeVisible()
  await expect(page.getByText('The language “toString” is not available for this questionnaire; “en” is used instead.')).toBeVisible()
  await page.getByRole('link', { name: 'Open it' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})
