import { readFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

/** The base answers (questionnaire 1.0.0): every participant starts from them, and differs on three indicators. */
const base = JSON.parse(readFileSync('tests/fixtures/answers/known-results.tda.json', 'utf8')) as {
  questionnaire: { id: string, version: string }
  assessment: { answers: Record<string, unknown>, updatedAt: string, profile: Record<string, unknown> }
}

const level = (n: number, evidence = '') => ({ kind: 'level', level: n, confidence: 'self-declared', evidence, updatedAt: '2026-11-20T09:00:00.000Z' })
const dontKnow = () => ({ kind: 'dont_know', evidence: '', updatedAt: '2026-11-20T09:00:00.000Z' })

/**
 * Participant k of six (0–5): I1.1 answered 1, 2, 2, 3, 2, 4 (a discussion item, median 2); I2.1 answered 1 except one
 * "don't know" (a discussion item: a level and "don't know"); I3.2 answered 3 except one 4. Everything else agrees.
 */
export function participantFile(k: number, version = '1.0.0'): string {
  const file = structuredClone(base)
  file.questionnaire.version = version
  file.assessment.updatedAt = `2026-11-20T1${k}:00:00.000Z`
  file.assessment.answers['I1.1'] = level([1, 2, 2, 3, 2, 4][k]!, k === 5 ? 'The decree of 2025 names a focal point (P6)' : '')
  file.assessment.answers['I2.1'] = k === 2 ? dontKnow() : level(1)
  file.assessment.answers['I3.2'] = level(k === 4 ? 4 : 3, 'HR staffing table')
  return JSON.stringify(file, null, 2)
}

/** Drops files on the element the way a browser does: a real `drop` event whose DataTransfer carries File objects. */
export async function dropFiles(page: Page, testId: string, files: Array<{ name: string, text: string }>): Promise<void> {
  await page.getByTestId(testId).evaluate((zone, list) => {
    const data = new DataTransfer()
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'application/json' }))
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }))
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }))
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }))
  }, files)
}

/** Creates a workshop through the form: questionnaire 1.0.0, Nepal's Ministry of Foreign Affairs. */
export async function createWorkshop(page: Page, title: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('link', { name: 'New workshop' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New workshop' })).toBeVisible()
  await page.getByLabel('Title of the workshop').fill(title)
  await page.getByLabel('Questionnaire and version').selectOption('tech-diplomacy@1.0.0')
  await page.getByLabel('Search countries').fill('Nepal')
  await expect(page.getByLabel(/^Country/)).toHaveValue('NPL')
  await page.getByLabel(/^Ministry/).fill('Ministry of Foreign Affairs')
  await page.getByLabel(/^Unit or department/).fill('Policy Planning')
  await page.getByRole('button', { name: 'Create the workshop' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Answers and consensus' })).toBeVisible()
}

