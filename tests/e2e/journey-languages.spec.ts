import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { pdfPages } from '../pdf-text'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

type Messages = { [key: string]: string | Messages }
const messages = (code: string) => JSON.parse(readFileSync(`src/i18n/locales/${code}.json`, 'utf8')) as Messages
/** A message of the language's interface file, by its key ("profile.title"). */
const text = (m: Messages, key: string) => key.split('.').reduce<string | Messages>((node, part) => (node as Messages)[part]!, m) as string
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface Questionnaire { dimensions: Array<{ id: string, title: Record<string, string> }>, indicators: Array<{ id: string, dimension: string }> }
const questionnaire = JSON.parse(readFileSync('questionnaires/tech-diplomacy.json', 'utf8')) as Questionnaire

const PHONE = { width: 360, height: 780 }
const DESKTOP = { width: 1280, height: 900 }

/** Every check a screen of the journey gets: the language and direction of the page, no sideways scroll, axe. */
async function checkScreen(page: Page, code: string, dir: string, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expect(page.locator('html')).toHaveAttribute('lang', code)
  await expect(page.locator('html')).toHaveAttribute('dir', dir)
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
  expect(scrollWidth, `${name}: no sideways scroll`).toBeLessThanOrEqual(innerWidth)
  await expectNoSeriousA11yViolations(page)
  await page.screenshot({ path: `${ARTIFACTS}/journey-${code}-${name}.png`, fullPage: true })
}

/**
 * The whole journey in one language, as a person using that language would go through it: interface and assessment
 * in the language, profile, the first two dimensions answered, review, results, roadmap, and the PDF downloaded and read back.
 */
async function journey(page: Page, code: string, dir: 'ltr' | 'rtl'): Promise<void> {
  const m = messages(code)
  const errors = trackErrors(page)
  await page.goto('/')
  await page.locator('.language-menu select').selectOption(code)
  await expect(page.locator('html')).toHaveAttribute('lang', code)
  await checkScreen(page, code, dir, 'home')

  const card = page.locator('.questionnaire-card').first()
  await expect(card.getByLabel(text(m, 'home.start.language'))).toHaveValue(code)
  await card.getByRole('button', { name: new RegExp(`^${escape(text(m, 'home.start.button'))}`) }).click()

  await expect(page.getByRole('heading', { level: 1, name: text(m, 'profile.title') })).toBeVisible()
  await page.getByLabel(new RegExp(`^${escape(text(m, 'profile.country'))}`)).selectOption('SLB')
  await page.getByLabel(new RegExp(`^${escape(text(m, 'profile.ministry'))}`)).fill(code === 'ar' ? 'وزارة الخارجية والتجارة الخارجية' : 'Ministerio de Relaciones Exteriores')
  await page.getByLabel(new RegExp(`^${escape(text(m, 'profile.unit'))}`)).fill(code === 'ar' ? 'شعبة الدبلوماسية الاقتصادية' : 'División de Diplomacia Económica')
  await checkScreen(page, code, dir, 'profile')
  await page.getByRole('button', { name: text(m, 'profile.continue') }).click()

  for (const dimension of questionnaire.dimensions.slice(0, 2)) {
    await expect(page.getByRole('heading', { level: 1, name: dimension.title[code] })).toBeVisible()
    const indicators = questionnaire.indicators.filter(indicator => indicator.dimension === dimension.id)
    for (const [i, indicator] of indicators.entries()) {
      const radio = page.locator(`input[name="indicator-${indicator.id.replace(/\./g, '-')}-answer"][value="level-${(i % 3) + 1}"]`)
      await radio.check() // on a phone one question shows at a time: "Next question" brings the next one
      if (i === 0) await checkScreen(page, code, dir, `questions-${dimension.id}`)
      const next = page.getByRole('button', { name: text(m, 'questions.nextQuestion') })
      if (i < indicators.length - 1 && await next.isVisible()) await next.click()
    }
    await page.getByRole('navigation', { name: text(m, 'questions.stepNavLabel') }).getByRole('link').last().click()
  }

  await page.getByRole('link', { name: text(m, 'assessment.nav.review'), exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: text(m, 'review.title') })).toBeVisible()
  await checkScreen(page, code, dir, 'review')

  await page.getByRole('link', { name: text(m, 'assessment.nav.results'), exact: true }).click()
  await expect(page.getByTestId('overall-stage')).not.toBeEmpty()
  await expect(page.getByTestId('radar-chart')).toBeVisible()
  await expect(page.getByTestId('results-table')).toContainText(questionnaire.dimensions[0]!.title[code]!)
  await checkScreen(page, code, dir, 'results')

  await page.getByRole('link', { name: text(m, 'assessment.nav.roadmap'), exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: text(m, 'roadmap.title') })).toBeVisible()
  await checkScreen(page, code, dir, 'roadmap')

  await page.getByRole('link', { name: text(m, 'assessment.nav.results'), exact: true }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: text(m, 'pdf.download') }).click()])
  const pdf = (await pdfPages(new Uint8Array(readFileSync((await download.path())!)))).join(' ').replace(/\s+/g, ' ')
  for (const dimension of questionnaire.dimensions) expect(pdf, `the PDF names ${dimension.id} in ${code}`).toContain(dimension.title[code])
  expect(pdf).toContain(code === 'ar' ? 'وزارة الخارجية والتجارة الخارجية' : 'Ministerio de Relaciones Exteriores')
  expect(pdf).not.toContain('\uFFFD')
  expect(errors).toEqual([])
}

test.describe('in Arabic', () => {
  test.use({ locale: 'ar-EG', viewport: PHONE })
  test('the whole journey at 360 px, right to left, down to the PDF read back in Arabic', async ({ page }) => {
    test.setTimeout(180_000)
    await journey(page, 'ar', 'rtl')
  })
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES', viewport: DESKTOP })
  test('the whole journey on a desktop, down to the PDF read back in Spanish', async ({ page }) => {
    test.setTimeout(180_000)
    await journey(page, 'es', 'ltr')
  })
})

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR', viewport: DESKTOP })
  test('the whole journey on a desktop, down to the PDF read back in Portuguese', async ({ page }) => {
    test.setTimeout(180_000)
    await journey(page, 'pt', 'ltr')
  })
})

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(s => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

test.describe('in Arabic with the keyboard alone', () => {
  test.use({ locale: 'ar-EG', viewport: DESKTOP })
  test('a new assessment from the home page to the PDF, without a mouse', async ({ page }) => {
    test.setTimeout(120_000)
    const m = messages('ar')
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await page.waitForLoadState('networkidle')
    await tabTo(page, '.start-form button[type="submit"]')
    await page.keyboard.press('Enter')

    await expect(page.getByRole('heading', { level: 1, name: text(m, 'profile.title') })).toBeVisible()
    await tabTo(page, '#country-search')
    await page.keyboard.type('جزر سليمان')
    await expect(page.locator('#country')).toHaveValue('SLB')
    await tabTo(page, '#ministry')
    await page.keyboard.type('وزارة الخارجية')
    await tabTo(page, '#unit')
    await page.keyboard.type('شعبة الدبلوماسية الاقتصادية')
    await tabTo(page, 'button[type="submit"]')
    await page.keyboard.press('Enter')

    const first = questionnaire.dimensions[0]!
    await expect(page.getByRole('heading', { level: 1, name: first.title.ar })).toBeVisible()
    for (const [i, indicator] of questionnaire.indicators.filter(x => x.dimension === first.id).entries()) {
      const name = `indicator-${indicator.id.replace(/\./g, '-')}-answer`
      await tabTo(page, `input[name="${name}"]`)
      await page.keyboard.press('Space')
      const level = (i % 2) + 1 // levels 1 and 2: from level 3 an answer needs an evidence note to count
      for (let k = 0; k < level; k++) await page.keyboard.press('ArrowDown')
      await expect(page.locator(`input[name="${name}"]:checked`)).toHaveValue(`level-${level}`)
    }
    const progress = escape(text(m, 'assessment.progress')).replace('\\{answered\\}', '4').replace('\\{total\\}', '32').replace('\\{percent\\}', '.*13.*%.*')
    await expect(page.getByText(new RegExp(progress))).toBeVisible()

    await tabTo(page, 'a[href$="/results"]')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('overall-stage')).not.toBeEmpty()
    await tabTo(page, '.pdf-download button.button:not(.button-secondary)')
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    const pdf = (await pdfPages(new Uint8Array(readFileSync((await download.path())!)))).join(' ').replace(/\s+/g, ' ')
    expect(pdf).toContain(first.title.ar)
    expect(pdf).toContain('جزر سليمان')
    await expectNoSeriousA11yViolations(page)
  })
})
