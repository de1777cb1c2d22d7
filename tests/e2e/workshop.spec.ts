import { copyFileSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { pdfPages } from '../pdf-text'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'
import { createWorkshop, dropFiles, participantFile } from './workshop-helpers'
import { seedWorkshop, sixParticipantWorkshop } from './workshop-seed'

test('six answers files dropped at once become P1–P6; discussion items come first; a consensus with a note drives the results', async ({ page }) => {
  const errors = trackErrors(page)
  await createWorkshop(page, 'Kathmandu workshop')
  await dropFiles(page, 'answers-drop-zone', [0, 1, 2, 3, 4, 5].map(k => ({ name: `participant-${k + 1}.tda.json`, text: participantFile(k) })))
  await expect(page.getByText('6 participants added.')).toBeVisible()
  await expect(page.locator('[data-participant]')).toHaveText([/^P1/, /^P2/, /^P3/, /^P4/, /^P5/, /^P6/])

  // The heatmap prints its counts: I1.1 has one participant at level 1, three at 2, one at 3, one at 4.
  const row = page.locator('[data-heat-row="I1.1"] td')
  await expect(row).toHaveText(['0', '1', '3', '1', '1', '0', '0', '0', '0'])
  await expect(page.locator('[data-heat-row="I2.1"] td')).toHaveText(['0', '5', '0', '0', '0', '0', '1', '0', '0'])

  // Discussion items first, in questionnaire order, then the indicators everyone agrees on.
  const items = page.locator('[data-consensus]')
  await expect(items).toHaveCount(32)
  await expect(page.locator('details.agreed-items')).not.toHaveAttribute('open')
  expect(await items.evaluateAll(list => list.slice(0, 4).map(e => e.getAttribute('data-consensus')))).toEqual(['I1.1', 'I2.1', 'I3.2', 'I1.2'])
  await expect(page.getByRole('heading', { name: 'Discussion items (3)' })).toBeVisible()
  await expect(page.getByTestId('discussion-progress')).toContainText('0 of 3 discussion items discussed')

  const first = page.locator('[data-consensus="I1.1"]')
  await expect(first).toContainText('Median 2 · lowest 1 · highest 4 · spread 3')
  await expect(first).toContainText('Consensus now: 2')
  await expect(first).toContainText('(by default, the median answer)')
  // The level descriptors sit beside the counts, and the participants' notes are pooled with their anonymous labels.
  await expect(first.locator('.level-card').nth(2)).toContainText('3 participants')
  await first.getByText(/Participants' evidence notes \(1\)/).click()
  await expect(first).toContainText('P6 (')
  await expect(first).toContainText('The decree of 2025 names a focal point (P6)')

  await first.getByRole('radio', { name: /^3 · / }).check()
  await first.getByLabel('Why the room agreed this answer').fill('Decree 12/2025 names the focal point; the unit is staffed since March.')
  await expect(first).toContainText('(set by the room)')
  await expect(first.getByRole('checkbox', { name: 'Discussed' })).toBeChecked()
  await expect(page.getByTestId('discussion-progress')).toContainText('1 of 3 discussion items discussed')
  await page.screenshot({ path: `${ARTIFACTS}/workshop-delegation.png`, fullPage: true })
  // The README's picture of the heatmap: `UPDATE_DOCS_SCREENSHOTS=1` copies it into docs/.
  await page.locator('section[aria-labelledby="spread-heading"]').screenshot({ path: `${ARTIFACTS}/screenshot-workshop.png` })
  if (process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(`${ARTIFACTS}/screenshot-workshop.png`, 'docs/screenshot-workshop.png')
  await expectNoSeriousA11yViolations(page)

  // Mandate: I1.1 = 3 (the consensus), I1.2 = 2, I1.3 = 3, I1.4 = 2 → (3 + 2 + 3 + 2) / 4 = 2.5.
  await page.getByRole('link', { name: 'See the results of the consensus' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible()
  await expect(page.locator('[data-testid="results-table"] [data-dimension="mandate"] td[data-col="score"]')).toHaveText('2.5')
  await expectNoSeriousA11yViolations(page)

  // The workshop PDF: the consensus report with the appendix on the group (participant count, the consensus note).
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download the workshop PDF' }).click()
  const pdf = await download
  expect(pdf.suggestedFilename()).toMatch(/\.workshop\.pdf$/)
  const text = (await pdfPages(new Uint8Array(readFileSync((await pdf.path())!)))).join('\n').replace(/\s+/g, ' ')
  expect(text).toContain('6 participants')
  expect(text).toContain('3 of 32 indicators were discussion items')
  // Each discussion item's spread, worked by hand from the six files (median: the lower middle of an even count):
  // I1.1 1 2 2 2 3 4 → median 2, lowest 1, highest 4; I2.1 five 1s and a "don't know" → 1, 1, 1; I3.2 3 3 3 3 3 4 → 3, 3, 4.
  expect(text).toContain('Median 2, lowest 1, highest 4 (spread 3).')
  expect(text).toContain('Median 1, lowest 1, highest 1 (spread 0).')
  expect(text).toContain('Median 3, lowest 3, highest 4 (spread 1).')
  expect(text).toContain('Decree 12/2025 names the focal point')

  // Everything is kept on the device: a reload shows the same participants and consensus.
  await page.reload()
  await page.getByRole('link', { name: 'Answers and consensus' }).click()
  await expect(page.locator('[data-participant]')).toHaveCount(6)
  await expect(page.locator('[data-consensus="I1.1"]').getByLabel('Why the room agreed this answer')).toHaveValue(/Decree 12\/2025/)
  expect(errors).toEqual([])
})

test('a file already imported, a file of another questionnaire version and a broken file are refused with their reasons; nothing else changes', async ({ page }) => {
  await createWorkshop(page, 'Refusals')
  await dropFiles(page, 'answers-drop-zone', [{ name: 'p1.tda.json', text: participantFile(0) }, { name: 'p2.tda.json', text: participantFile(1) }])
  await expect(page.getByText('2 participants added.')).toBeVisible()

  await page.getByLabel('Choose answers files…').setInputFiles([
    { name: 'p1-again.tda.json', mimeType: 'application/json', buffer: Buffer.from(participantFile(0)) },
    { name: 'newer.tda.json', mimeType: 'application/json', buffer: Buffer.from(participantFile(3, '1.1.0')) },
    { name: 'broken.tda.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "tech-diplomacy-assessment", ') },
  ])
  await expect(page.getByRole('heading', { name: '3 files were not added' })).toBeVisible()
  await expect(page.locator('[data-refused-file="p1-again.tda.json"]')).toContainText('already in the workshop (P1 (Test)): they were not counted twice')
  await expect(page.locator('[data-refused-file="newer.tda.json"]')).toContainText('version 1.1.0 of the questionnaire; this workshop uses version 1.0.0')
  await expect(page.locator('[data-refused-file="broken.tda.json"]')).toContainText('The file is not valid JSON')
  await expect(page.locator('[data-participant]')).toHaveCount(2)
  await page.screenshot({ path: `${ARTIFACTS}/workshop-refusals.png`, fullPage: true })
  await page.reload()
  await expect(page.locator('[data-participant]')).toHaveCount(2)
})

test('handing the device round: the second participant sees nothing of the first', async ({ page }) => {
  await createWorkshop(page, 'Hand round')
  await page.getByRole('link', { name: /^Hand the device round: participants answer/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Participant P1' })).toBeVisible()
  await page.getByLabel(/^Role/).fill('Regulator')
  await page.getByRole('button', { name: 'Start answering' }).click()

  const indicator = page.locator('[data-indicator="I1.1"]')
  await indicator.getByRole('radio', { name: /^4 · / }).check()
  await indicator.getByLabel(/^Evidence note/).fill('Confidential remark of the first participant')
  for (let step = 1; step < 8; step++) await page.getByRole('button', { name: /^Next: / }).click()
  await page.getByRole('button', { name: 'Finish and save my answers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you: the answers of P1 are saved' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText('Confidential remark')

  await page.getByRole('button', { name: 'Next participant' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Participant P2' })).toBeVisible()
  await expect(page.getByLabel(/^Role/)).toHaveValue('')
  await page.getByRole('button', { name: 'Start answering' }).click()
  await expect(page.locator('[data-indicator="I1.1"] input:checked')).toHaveCount(0)
  await expect(page.locator('input:checked')).toHaveCount(0)
  await expect(page.locator('textarea')).toHaveCount(0)
  await expect(page.locator('body')).not.toContainText('Confidential remark')
  await expect(page.locator('body')).not.toContainText('Regulator')
  await expect(page.getByRole('navigation', { name: 'Workshop pages' })).toHaveCount(0)
  await page.screenshot({ path: `${ARTIFACTS}/workshop-hand-round-second.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)
  // Going back through the steps of this participant never leads to the first one's answers.
  await page.getByRole('button', { name: /^Next: / }).click()
  await page.getByRole('button', { name: /^← Previous: / }).click()
  await expect(page.locator('input:checked')).toHaveCount(0)

  await page.locator('[data-indicator="I1.1"]').getByRole('radio', { name: /^1 · / }).check()
  for (let step = 1; step < 8; step++) await page.getByRole('button', { name: /^Next: / }).click()
  await page.getByRole('button', { name: 'Finish and save my answers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you: the answers of P2 are saved' })).toBeVisible()

  await page.getByRole('link', { name: 'Back to the answers and consensus' }).click()
  await expect(page.locator('[data-participant]')).toHaveText([/^P1 \(Regulator\)/, /^P2/])
  await expect(page.locator('[data-heat-row="I1.1"] td')).toHaveText(['0', '1', '0', '0', '1', '0', '0', '0', '0'])
})

test('handing the device round: a half-entered participant comes back after a reload, and can finish or be discarded', async ({ page }) => {
  page.on('dialog', dialog => void dialog.accept()) // "leave and lose them?" / "discard?": yes
  await createWorkshop(page, 'Hand round draft')
  await page.getByRole('link', { name: /^Hand the device round: participants answer/ }).click()
  await page.getByLabel(/^Role/).fill('Trade ministry')
  await page.getByRole('button', { name: 'Start answering' }).click()
  await page.locator('[data-indicator="I1.1"]').getByRole('radio', { name: /^2 · / }).check()
  await page.getByRole('button', { name: /^Next: / }).click()
  await page.locator('[data-indicator="I2.1"]').getByRole('radio', { name: /^1 · / }).check()

  await page.reload()
  const resumed = page.getByRole('status').filter({ hasText: 'The answers P1 had entered on this device before the page was left or reloaded are back' })
  await expect(resumed).toBeVisible()
  await expect(page.getByText(/^Answering as P1 · Dimension 2 of 8 · 2 of 32 answered/)).toBeVisible()
  await expect(page.locator('[data-indicator="I2.1"]').getByRole('radio', { name: /^1 · / })).toBeChecked()
  await page.screenshot({ path: `${ARTIFACTS}/workshop-hand-round-resumed.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: /^← Previous: / }).click()
  await expect(page.locator('[data-indicator="I1.1"]').getByRole('radio', { name: /^2 · / })).toBeChecked()

  for (let step = 1; step < 8; step++) await page.getByRole('button', { name: /^Next: / }).click()
  await page.getByRole('button', { name: 'Finish and save my answers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you: the answers of P1 are saved' })).toBeVisible()
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter(k => k.startsWith('tda:hand-round-draft:')))).toEqual([])

  // The next participant sees nothing of P1, even after a reload; a draft of theirs left half-way can be discarded.
  await page.getByRole('button', { name: 'Next participant' }).click()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Participant P2' })).toBeVisible()
  await expect(page.getByLabel(/^Role/)).toHaveValue('')
  await page.getByLabel(/^Role/).fill('Regulator')
  await page.getByRole('button', { name: 'Start answering' }).click()
  await expect(page.locator('input:checked')).toHaveCount(0)
  await page.locator('[data-indicator="I1.1"]').getByRole('radio', { name: /^3 · / }).check()
  await page.reload()
  await expect(page.locator('[data-indicator="I1.1"]').getByRole('radio', { name: /^3 · / })).toBeChecked()
  await page.getByRole('button', { name: 'Discard these answers and start again' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Participant P2' })).toBeVisible()
  await expect(page.getByLabel(/^Role/)).toHaveValue('')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Participant P2' })).toBeVisible()

  await page.getByRole('link', { name: 'Back to the answers and consensus' }).click()
  await expect(page.locator('[data-participant]')).toHaveText([/^P1 \(Trade ministry\)/])
})

test('the heatmap and the consensus can be used with the keyboard alone', async ({ page }) => {
  await createWorkshop(page, 'Keyboard')
  await dropFiles(page, 'answers-drop-zone', [0, 1, 2, 3].map(k => ({ name: `p${k}.tda.json`, text: participantFile(k) })))
  await expect(page.getByText('4 participants added.')).toBeVisible()
  const tabTo = async (selector: string) => {
    for (let i = 0; i < 200; i++) {
      if (await page.evaluate(s => document.activeElement?.matches(s) ?? false, selector)) return
      await page.keyboard.press('Tab')
    }
    throw new Error(`Tab never reached ${selector}`)
  }
  await page.locator('[data-testid="heatmap"] caption').click()
  await tabTo('[data-heat-row="I2.1"] a')
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-consensus="I2.1"]')).toBeFocused()
  await tabTo('[data-consensus="I2.1"] input[type="radio"]')
  // The radio group holds the consensus (level 1, the median); the arrow key moves it to the next level.
  await expect(page.locator('[data-consensus="I2.1"] input[type="radio"]:checked')).toHaveValue('level-1')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('[data-consensus="I2.1"] input[type="radio"]:checked')).toHaveValue('level-2')
  await tabTo('[data-consensus="I2.1"] textarea')
  await page.keyboard.type('Agreed after the ICT ministry explained the draft strategy.')
  await tabTo('[data-consensus="I2.1"] input[type="checkbox"]')
  await expect(page.locator('[data-consensus="I2.1"] input[type="checkbox"]')).toBeChecked()
  await page.keyboard.press('Space')
  await expect(page.locator('[data-consensus="I2.1"] input[type="checkbox"]')).not.toBeChecked()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('discussion-progress')).toContainText('1 of 2 discussion items discussed')
  await expect(page.locator('[data-consensus="I2.1"]')).toContainText('Consensus now: 2')
})

test('removing a delegation or a participant asks first: Escape or Cancel keep it and give focus back to the button, the confirm removes it', async ({ page }) => {
  await page.goto('/')
  const seeded = sixParticipantWorkshop('w-remove', 'Removals')
  const [first] = seeded.delegations as Array<Record<string, unknown>>
  const second = { ...first, id: 'd2', profile: { ...(first!.profile as Record<string, unknown>), country: 'FJI', ministry: 'Ministry of Foreign Affairs' }, participants: [], consensus: {} }
  await seedWorkshop(page, { ...seeded, delegations: [first, second] })
  await page.goto('/#/workshops/w-remove')

  const removeFiji = page.getByRole('button', { name: 'Remove the delegation Fiji — Ministry of Foreign Affairs' })
  const ask = page.getByRole('dialog', { name: 'Remove this delegation?' })
  await removeFiji.click()
  await expect(ask).toBeVisible()
  await expect(ask).toContainText('Fiji — Ministry of Foreign Affairs')
  await page.keyboard.press('Escape')
  await expect(ask).toBeHidden()
  await expect(removeFiji).toBeFocused()
  await removeFiji.click()
  await ask.getByRole('button', { name: 'Remove the delegation' }).click()
  await expect(ask).toBeHidden()
  await expect(page.locator('[data-delegation="d2"]')).toHaveCount(0)
  await expect(page.locator('[data-delegation="d1"]')).toBeVisible()

  await page.goto('/#/workshops/w-remove/d/d1')
  const removeP6 = page.getByRole('button', { name: 'Remove P6' })
  const askParticipant = page.getByRole('dialog', { name: 'Remove this participant?' })
  await removeP6.click()
  await askParticipant.getByRole('button', { name: 'Cancel' }).click()
  await expect(askParticipant).toBeHidden()
  await expect(removeP6).toBeFocused()
  await removeP6.click()
  await askParticipant.getByRole('button', { name: 'Remove' }).click()
  await expect(removeP6).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Remove P5' })).toBeVisible()
})
