import { expect, test, type Page } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'
import { seedWorkshop, sixParticipantWorkshop } from './workshop-seed'

const PROJECTOR = { width: 1280, height: 720 }

/** The smallest font size (px) of any text shown in the presentation. */
async function smallestText(page: Page): Promise<{ size: number, text: string }> {
  return page.evaluate(() => {
    let smallest = { size: Infinity, text: '' }
    const walker = document.createTreeWalker(document.querySelector('.presentation')!, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const element = node.parentElement
      if (text === '' || !element || element.closest('.visually-hidden') || element.getClientRects().length === 0) continue
      const size = Number.parseFloat(getComputedStyle(element).fontSize)
      if (size < smallest.size) smallest = { size, text }
    }
    return smallest
  })
}

test('presentation mode: large type, one screen at a time, moved with the keyboard and a clicker', async ({ page }) => {
  const errors = trackErrors(page)
  await page.setViewportSize(PROJECTOR)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await seedWorkshop(page, sixParticipantWorkshop('w-present', 'Kenya capacity workshop'))
  await page.goto('/#/workshops/w-present/d/d1')
  await page.getByRole('link', { name: 'Present on a projector' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Kenya capacity workshop' })).toBeVisible()
  await expect(page.getByText('6 participants')).toBeVisible()
  await expect(page.getByText('3 discussion items')).toBeVisible()
  await expect(page.getByText('Discussed so far: 1 of 3')).toBeVisible()
  // projector type: the body is at least 24 px, and so is every piece of text on the screen
  expect(Number.parseFloat(await page.locator('.presentation').evaluate(e => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(24)
  expect((await smallestText(page)).size).toBeGreaterThanOrEqual(24)
  // no app header on the projector, and nobody's name (the workshop does not show names)
  await expect(page.locator('.app-header')).toHaveCount(0)
  await expect(page.getByText(/Participant Name/)).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)
  await page.screenshot({ path: `${ARTIFACTS}/presentation-opening-1280x720.png` })

  await page.keyboard.press('PageDown')
  await expect(page.getByText('Discussion item 1 of 3 · Mandate & institutional anchoring')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('I1.1')
  // the spread, level by level: 2 × three people, 3 × two; one "don't know"; every count printed
  const spread = page.getByRole('table', { name: 'Answers per level, with each level\'s description' })
  await expect(spread.getByRole('columnheader')).toHaveText(['Level', 'People', 'What it looks like'])
  await expect(spread.getByRole('row').nth(3).getByRole('rowheader')).toHaveText('2 · Emerging')
  await expect(spread.getByRole('row').nth(3).getByRole('cell').first()).toHaveText('3')
  await expect(spread.getByRole('row').nth(4).getByRole('cell').first()).toHaveText('2')
  await expect(spread.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('0')
  await expect(spread.getByRole('row').nth(3)).toContainText('A named focal point')
  await expect(page.getByText('Don\'t know: 1 · Not applicable: 0 · Not answered: 0')).toBeVisible()
  await expect(page.getByText('Not agreed yet; until then the median stands: 2 · Emerging')).toBeVisible()
  expect((await smallestText(page)).size).toBeGreaterThanOrEqual(24)
  await expectNoSeriousA11yViolations(page)
  expect(await page.evaluate(() => document.documentElement.scrollHeight), 'the discussion item fits the projector without scrolling').toBeLessThanOrEqual(PROJECTOR.height)
  await page.screenshot({ path: `${ARTIFACTS}/presentation-item-1280x720.png` })

  await page.keyboard.press('ArrowRight')
  await expect(page.getByText('Discussion item 2 of 3 · Mandate & institutional anchoring')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('I1.2')
  await expect(page.getByText('Agreed: 3 · Established')).toBeVisible()
  await expect(page.getByText('The ministerial decision of May 2026 settles it')).toBeVisible()
  await page.screenshot({ path: `${ARTIFACTS}/presentation-agreed-1280x720.png` })

  await page.keyboard.press('PageUp')
  await expect(page.getByText('Discussion item 1 of 3 · Mandate & institutional anchoring')).toBeVisible()
  await page.keyboard.press('End')
  await expect(page.getByText('Dimension 8 of 8')).toBeVisible()
  await expect(page.getByText(/^Screen 12 of 12$/)).toBeVisible()
  await page.keyboard.press('Home')
  await expect(page.getByText(/^Screen 1 of 12$/)).toBeVisible()
  for (let step = 0; step < 4; step++) await page.keyboard.press('PageDown')
  await expect(page.getByText('Dimension 1 of 8')).toBeVisible()
  const table = page.locator('.presentation-table')
  await expect(table.locator('tr[data-indicator="I1.2"]')).toContainText('Agreed: 3 · Established')
  await expect(table.locator('tr[data-indicator="I1.1"]')).toContainText('Level 2: 3')
  await expect(table.locator('tr[data-indicator="I1.1"]')).toContainText('To discuss')
  expect((await smallestText(page)).size).toBeGreaterThanOrEqual(24)
  await expectNoSeriousA11yViolations(page)
  expect(await page.evaluate(() => document.documentElement.scrollHeight), 'the dimension fits the projector without scrolling').toBeLessThanOrEqual(PROJECTOR.height)
  await page.screenshot({ path: `${ARTIFACTS}/presentation-dimension-1280x720.png` })

  // a reload comes back to the same screen
  await page.reload()
  await expect(page.getByText('Dimension 1 of 8')).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/#\/workshops\/w-present\/d\/d1$/)
  expect(errors).toEqual([])
})
