import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

const PHONE = { width: 360, height: 780 }
const DESKTOP = { width: 1280, height: 900 }
const LANGUAGES = [
  { code: 'en', dir: 'ltr' },
  { code: 'fr', dir: 'ltr' },
  { code: 'es', dir: 'ltr' },
  { code: 'pt', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
] as const

/** An answers file with its assessment in a language (imported in English while the questionnaire lacks that language). */
function answersIn(code: string): Buffer {
  const file = JSON.parse(readFileSync('tests/fixtures/answers/known-results.tda.json', 'utf8')) as { assessment: { locale: string } }
  file.assessment.locale = code
  return Buffer.from(JSON.stringify(file))
}

/** Imports an assessment, opens it and picks the interface language in the menu; returns the assessment's address. */
async function openAssessmentIn(page: Page, code: string): Promise<string> {
  await page.goto('/')
  await page.locator('input[type="file"]').first().setInputFiles({ name: `${code}.tda.json`, mimeType: 'application/json', buffer: answersIn(code) })
  await page.locator('a[href^="#/assessments/"]').first().click()
  await expect(page).toHaveURL(/#\/assessments\/[^/]+/)
  await page.waitForLoadState('networkidle')
  await page.locator('.language-menu select').selectOption(code)
  await expect(page.locator('html')).toHaveAttribute('lang', code)
  return /#\/assessments\/[^/]+/.exec(page.url())![0]
}

/** Moves inside the app without reloading it (a reload would reopen the assessment in its own language). */
async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => { location.hash = h }, hash)
  await page.waitForLoadState('networkidle')
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
}

/** No sideways scroll at the current width, naming what sticks out when there is. */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect()
        return r.right > window.innerWidth + 0.5 || r.left < -0.5
      })
      .slice(0, 8)
      .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
  }))
  expect(scrollWidth, `${name}: no sideways scroll; sticking out: ${wide.join('; ')}`).toBeLessThanOrEqual(innerWidth)
}

// The assessment's pages first: coming back to an assessment from elsewhere reopens it in its own language, on purpose.
const ROUTES = (assessment: string) => [
  ['profile', `${assessment}/profile`],
  ['questions', `${assessment}/questions`],
  ['questions-last', `${assessment}/questions/resources`],
  ['review', `${assessment}/review`],
  ['results', `${assessment}/results`],
  ['roadmap', `${assessment}/roadmap`],
  ['home', '#/'],
  ['read-the-questions', '#/questionnaires/tech-diplomacy@1.0.0'],
  ['not-found', '#/no-such-page'],
] as const

for (const language of LANGUAGES) {
  test(`every route in ${language.code} passes axe, laid out ${language.dir}`, async ({ page }) => {
    test.setTimeout(120_000)
    const errors = trackErrors(page)
    const assessment = await openAssessmentIn(page, language.code)
    for (const [name, hash] of ROUTES(assessment)) {
      await goTo(page, hash)
      await expect(page.locator('html'), name).toHaveAttribute('lang', language.code)
      await expect(page.locator('html'), name).toHaveAttribute('dir', language.dir)
      await expectNoSeriousA11yViolations(page)
    }
    expect(errors).toEqual([])
  })
}

test('in Arabic every route is laid out right to left at 360 px and on a desktop, without sideways scroll', async ({ page }) => {
  test.setTimeout(180_000)
  await page.setViewportSize(PHONE)
  const assessment = await openAssessmentIn(page, 'ar')
  for (const [name, hash] of ROUTES(assessment)) {
    await goTo(page, hash)
    // The page's start is on the right: the main heading's text ends near the right edge of the screen.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().evaluate((h) => {
      const range = document.createRange()
      range.selectNodeContents(h)
      return window.innerWidth - range.getBoundingClientRect().right
    }), `${name}: the heading starts on the right`).toBeLessThan(40)
    await expectNoSidewaysScroll(page, `${name} at 360 px`)
    await page.screenshot({ path: `${ARTIFACTS}/ar-${name}-360.png`, fullPage: true })
    await page.setViewportSize(DESKTOP)
    await expectNoSidewaysScroll(page, `${name} at 1280 px`)
    await page.screenshot({ path: `${ARTIFACTS}/ar-${name}-1280.png`, fullPage: true })
    await page.setViewportSize(PHONE)
  }
})
