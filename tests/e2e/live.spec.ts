// A live workshop in Chromium: one facilitator and three participants (one on a 360 px phone), each in its own
// browser context, against the real workshop server (`npm run workshop`) serving the production build.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { readWorkshop } from '../server/api-client'
import { startServer, type RunningServer } from '../server/harness'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackCspViolations, trackErrors } from './helpers'

let server: RunningServer
let dataDir: string

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tdw-e2e-'))
  server = await startServer({ dataDir, distDir: 'dist' })
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function participant(browser: Browser, code: string, options: { width?: number, role?: string } = {}): Promise<{ context: BrowserContext, page: Page }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.width ? 780 : 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/#/join/${code}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Workshop: Regional workshop, Suva' })).toBeVisible()
  if (options.role) await page.getByLabel('Your role (optional)').fill(options.role)
  await page.getByRole('button', { name: 'Join and start answering' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mandate & institutional anchoring' })).toBeVisible()
  await expect(page.getByText(/Live workshop: Regional workshop, Suva \(you are P\d\)/)).toBeVisible()
  await expect(page.getByText(`Live workshop: your answers are saved on this device and sent to the workshop server at ${new URL(server.url).host}, and nowhere else.`)).toBeVisible()
  return { context, page }
}

/** Chooses a level; on a phone (one question per screen) moves on to the question first. */
async function answer(page: Page, indicator: string, level: number): Promise<void> {
  const input = page.locator(`input[name="indicator-${indicator.replace('.', '-')}-answer"][value="level-${level}"]`)
  for (let step = 0; step < 10 && await input.count() === 0; step++) await page.getByRole('button', { name: /Next question/ }).click()
  await input.check()
}

/** The count the facilitator's table shows for one indicator and level. */
function cell(page: Page, indicator: string, level: number) {
  return page.locator(`td[data-indicator="${indicator}"][data-level="${level}"]`)
}

test('a live workshop: three participants answer, the facilitator sees the spread fill in, an offline phone catches up once', async ({ browser }) => {
  test.setTimeout(180_000)
  const facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const facilitator = await facilitatorContext.newPage()
  const errors = trackErrors(facilitator)
  const csp = await trackCspViolations(facilitator)
  await facilitator.goto(`${server.url}/#/live/new`)
  await expect(facilitator.getByRole('heading', { level: 1, name: 'New live workshop' })).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator)
  await facilitator.getByLabel('Workshop title').fill('Regional workshop, Suva')
  await facilitator.getByLabel('Search countries').fill('Fiji')
  await facilitator.getByLabel(/^Ministry/).fill('Ministry of Foreign Affairs')
  await facilitator.getByLabel(/^Unit or department/).fill('Policy Planning')
  await facilitator.getByRole('button', { name: 'Create the workshop' }).click()
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Regional workshop, Suva' })).toBeVisible()
  await expect(facilitator).toHaveURL(/#\/live\/[0-9a-f-]{36}\?key=[A-Za-z0-9_-]{43}$/)
  await expect(facilitator.getByTestId('live-connection')).toHaveText('Live: answers appear as they arrive.')
  const code = (await facilitator.getByTestId('join-code').textContent())!.trim()
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
  await expect(facilitator.getByRole('img', { name: /QR code of the join address/ })).toBeVisible()

  const alice = await participant(browser, code, { role: 'ICT ministry' })
  const bob = await participant(browser, code)
  const phone = await participant(browser, code, { width: 360, role: 'regulator' })
  await expect(facilitator.getByTestId('live-progress')).toHaveText('3 joined · 0 answering · 0 submitted')

  // Each answer reaches the facilitator's table live (within the expectation's wait, the server pushes it within a second).
  await answer(alice.page, 'I1.1', 3)
  await expect(cell(facilitator, 'I1.1', 3)).toHaveText('1')
  await answer(bob.page, 'I1.1', 1)
  await expect(cell(facilitator, 'I1.1', 1)).toHaveText('1')
  await expect(facilitator.getByRole('row', { name: /I1\.1/ })).toContainText('Discussion item')
  await answer(phone.page, 'I1.1', 3)
  await expect(cell(facilitator, 'I1.1', 3)).toHaveText('2')
  await expect(alice.page.getByTestId('live-status')).toHaveText('All your answers have been sent.')

  // The phone loses the network, keeps answering, and everything arrives once when it returns.
  await expect(phone.page.getByTestId('live-status')).toHaveText('All your answers have been sent.')
  await phone.context.setOffline(true)
  await answer(phone.page, 'I1.2', 2)
  await answer(phone.page, 'I1.2', 5) // changed again while offline
  await answer(phone.page, 'I1.3', 4)
  await expect(phone.page.getByTestId('live-status')).toContainText('Waiting for the network')
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling on a phone').toBeLessThanOrEqual(360)
  await phone.page.screenshot({ path: `${ARTIFACTS}/live-participant-offline-360.png`, fullPage: false })
  await expect(cell(facilitator, 'I1.2', 5)).toHaveText('0')
  await phone.context.setOffline(false)
  await expect(phone.page.getByTestId('live-status')).toHaveText('All your answers have been sent.', { timeout: 20_000 })
  await expect(cell(facilitator, 'I1.2', 5)).toHaveText('1')
  await expect(cell(facilitator, 'I1.2', 2)).toHaveText('0')
  await expect(cell(facilitator, 'I1.3', 4)).toHaveText('1')

  // Submitting; the spread is shown to a participant only once the facilitator allows it.
  await phone.page.getByRole('button', { name: 'I have finished: submit my answers' }).click()
  await expect(phone.page.getByText('Your answers are submitted. Thank you.')).toBeVisible()
  await expect(facilitator.getByTestId('live-progress')).toHaveText('3 joined · 2 answering · 1 submitted')
  await phone.page.getByRole('button', { name: 'See the group\'s answers' }).click()
  await expect(phone.page.getByRole('alert')).toHaveText('The facilitator has not yet opened the group\'s answers to participants.')
  await facilitator.getByLabel('Let participants who have submitted see the group\'s answers').check()
  await phone.page.getByRole('button', { name: 'See the group\'s answers' }).click()
  await expect(phone.page.getByRole('table', { name: /How the group answered \(3 participants\)/ })).toBeVisible()
  await expectNoSeriousA11yViolations(phone.page)

  await facilitator.screenshot({ path: `${ARTIFACTS}/live-facilitator.png`, fullPage: true })
  await expectNoSeriousA11yViolations(facilitator)
  await facilitator.setViewportSize({ width: 360, height: 780 })
  expect(await facilitator.evaluate(() => document.documentElement.scrollWidth), 'the facilitator\'s screen fits a phone too').toBeLessThanOrEqual(360)
  await expectNoSeriousA11yViolations(facilitator)
  await facilitator.setViewportSize({ width: 1280, height: 900 })

  // Closing stops new answers: the participant is told, and the answer stays on the device.
  await facilitator.getByRole('button', { name: 'Close to new answers' }).click()
  await expect(facilitator.getByText('The workshop is closed: no new participants or answers are accepted.')).toBeVisible()
  await answer(bob.page, 'I1.2', 1)
  await expect(bob.page.getByTestId('live-status')).toHaveText('The workshop server did not accept your answers: The workshop is closed. They remain saved on this device.')

  // The answers so far go to this browser's workshop view (consensus, presentation, PDF).
  await facilitator.getByRole('button', { name: 'Open in the workshop view (consensus, presentation, PDF)' }).click()
  await expect(facilitator.getByTestId('heatmap')).toBeVisible()
  await expect(facilitator.locator('[data-heat-row="I1.1"]')).toContainText('2')
  await facilitator.goBack()
  await expect(facilitator.getByTestId('live-connection')).toHaveText('Live: answers appear as they arrive.')

  // Export, then delete the workshop and everything in it.
  const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByRole('button', { name: 'Export the workshop file (.tdw.json)' }).click()])
  expect(download.suggestedFilename()).toMatch(/^regional-workshop-suva-\d{4}-\d{2}-\d{2}\.tdw\.json$/)
  await facilitator.getByRole('button', { name: 'Delete the workshop' }).click()
  await facilitator.getByRole('dialog').getByRole('button', { name: 'Delete the workshop' }).click()
  await expect(facilitator.getByRole('heading', { name: 'Workshop deleted' })).toBeVisible()

  expect(errors.filter(e => !/Failed to load resource|net::ERR/.test(e))).toEqual([])
  expect(csp).toEqual([])
  for (const context of [alice.context, bob.context, phone.context, facilitatorContext]) await context.close()
})

test('the single-user mode sends nothing to any server', async ({ page }) => {
  const requests: string[] = []
  page.on('request', request => { if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(request.url()) })
  await page.goto(`${server.url}/`)
  await page.getByRole('button', { name: /^Start/ }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByText(/Live workshop/)).toHaveCount(0)
  await expect(page.getByText('Everything stays in this browser: answers are saved on this device only and nothing is sent anywhere.')).toBeVisible()
  expect(requests).toEqual([])
})

test('a regional workshop: a participant chooses their delegation, closes the tab, reopens the join link and is the same participant', async ({ browser }) => {
  test.setTimeout(180_000)
  const facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const facilitator = await facilitatorContext.newPage()
  await facilitator.goto(`${server.url}/#/live/new`)
  await facilitator.getByLabel('Workshop title').fill('Regional workshop, Kathmandu')
  await facilitator.getByLabel('Search countries').fill('Nepal')
  await expect(facilitator.getByLabel(/^Country/).first()).toHaveValue('NPL')
  await facilitator.getByLabel(/^Ministry/).first().fill('Ministry of Foreign Affairs')
  // The first delegation's profile is checked as in a workshop on one device: the unit is still missing.
  await facilitator.getByRole('button', { name: 'Create the workshop' }).click()
  await expect(facilitator.getByRole('alert')).toHaveText('Some fields need attention before the workshop can be created.')
  await expect(facilitator.getByLabel(/^Unit or department/)).toBeFocused()
  await facilitator.getByLabel(/^Unit or department/).fill('Policy Planning')
  await facilitator.getByRole('button', { name: 'Add a delegation' }).click()
  await facilitator.locator('#extra-0-country').selectOption('BTN')
  await facilitator.locator('#extra-0-ministry').fill('Ministry of Foreign Affairs and External Trade')
  await expectNoSeriousA11yViolations(facilitator)
  await facilitator.screenshot({ path: `${ARTIFACTS}/live-new-delegations.png`, fullPage: true })
  await facilitator.getByRole('button', { name: 'Create the workshop' }).click()
  await expect(facilitator).toHaveURL(/#\/live\/[0-9a-f-]{36}\?key=[A-Za-z0-9_-]{43}$/)
  const [, workshopId, facilitatorKey] = /#\/live\/([0-9a-f-]{36})\?key=([A-Za-z0-9_-]{43})$/.exec(facilitator.url())!
  const created = { workshopId: workshopId!, facilitatorKey: facilitatorKey!, joinCode: '', joinPath: '', facilitatorPath: '' }
  const before = await readWorkshop(server.url, created)
  expect(before.workshop.delegations.map(d => [d.profile.country, d.profile.ministry])).toEqual([['NPL', 'Ministry of Foreign Affairs'], ['BTN', 'Ministry of Foreign Affairs and External Trade']])
  const [nepal, bhutan] = before.workshop.delegations.map(d => d.id)
  const joinLink = `${server.url}/#/join/${before.live.joinCode}`

  // On a phone: the delegation is a required choice, named by country and ministry.
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } })
  let page = await context.newPage()
  const errors = trackErrors(page)
  await page.goto(joinLink)
  await expect(page.getByRole('heading', { level: 2, name: 'Workshop: Regional workshop, Kathmandu' })).toBeVisible()
  const choice = page.getByRole('group', { name: /Your delegation/ })
  await expect(choice.getByRole('radio')).toHaveCount(2)
  await page.getByRole('button', { name: 'Join and start answering' }).click()
  await expect(choice.getByText('Choose your delegation to join this workshop.')).toBeVisible()
  await choice.getByRole('radio', { name: 'Bhutan — Ministry of Foreign Affairs and External Trade' }).check()
  await expect(choice.getByText('Choose your delegation to join this workshop.')).toHaveCount(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling on a phone').toBeLessThanOrEqual(360)
  await expectNoSeriousA11yViolations(page)
  await page.screenshot({ path: `${ARTIFACTS}/live-join-delegation-360.png`, fullPage: true })
  await page.getByRole('button', { name: 'Join and start answering' }).click()
  await expect(page.getByText(/Live workshop: Regional workshop, Kathmandu \(you are P1\)/)).toBeVisible()
  await answer(page, 'I1.1', 2)
  await expect(page.getByTestId('live-status')).toHaveText('All your answers have been sent.')
  let view = await readWorkshop(server.url, created)
  const participantIds = () => view.workshop.delegations.flatMap(d => d.participants.map(p => p.id))
  expect(view.workshop.delegations.map(d => d.participants.length)).toEqual([0, 1])
  const me = view.workshop.delegations[1]!.participants[0]!.id

  // The tab is closed; the join link opened again resumes the same participant, answers intact.
  await page.close()
  page = await context.newPage()
  await page.goto(joinLink)
  await expect(page.getByRole('heading', { level: 2, name: 'You have already joined “Regional workshop, Kathmandu” on this device' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectNoSeriousA11yViolations(page)
  await page.screenshot({ path: `${ARTIFACTS}/live-join-resume-360.png`, fullPage: true })
  await page.getByRole('button', { name: 'Continue my answers' }).click()
  await expect(page.getByText(/Live workshop: Regional workshop, Kathmandu \(you are P1\)/)).toBeVisible()
  await expect(page.locator('input[name="indicator-I1-1-answer"][value="level-2"]')).toBeChecked()
  await answer(page, 'I1.2', 4)
  await expect(page.getByTestId('live-status')).toHaveText('All your answers have been sent.')
  view = await readWorkshop(server.url, created)
  expect(participantIds()).toEqual([me])
  expect(Object.keys(view.live.states)).toEqual([me])
  expect(view.workshop.delegations[1]!.participants[0]!.answers).toMatchObject({ 'I1.1': { kind: 'level', level: 2 }, 'I1.2': { kind: 'level', level: 4 } })

  // Typing the same code resumes too; joining as someone else asks first and keeps the first participant's answers.
  await page.goto(`${server.url}/#/join`)
  await page.getByLabel('Workshop code').fill(before.live.joinCode.toLowerCase())
  await page.getByRole('button', { name: 'Find the workshop' }).click()
  await page.getByRole('button', { name: 'Join as someone else on this device' }).click()
  const dialog = page.getByRole('dialog', { name: 'Join as someone else?' })
  await expect(dialog).toContainText('P1\'s answers are not deleted')
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Join as a new participant' }).click()
  await page.getByRole('group', { name: /Your delegation/ }).getByRole('radio', { name: 'Nepal — Ministry of Foreign Affairs' }).check()
  await page.getByRole('button', { name: 'Join and start answering' }).click()
  await expect(page.getByText(/Live workshop: Regional workshop, Kathmandu \(you are P1\)/)).toBeVisible()
  await answer(page, 'I1.1', 5)
  await expect(page.getByTestId('live-status')).toHaveText('All your answers have been sent.')
  view = await readWorkshop(server.url, created)
  expect(view.workshop.delegations.map(d => [d.id, d.participants.length])).toEqual([[nepal, 1], [bhutan, 1]])
  expect(view.workshop.delegations[1]!.participants[0]!.answers).toMatchObject({ 'I1.1': { kind: 'level', level: 2 }, 'I1.2': { kind: 'level', level: 4 } })
  await page.goto(joinLink)
  await page.getByRole('button', { name: 'Continue my answers' }).click()
  await expect(page.locator('input[name="indicator-I1-1-answer"][value="level-5"]')).toBeChecked()

  expect(errors.filter(e => !/Failed to load resource|net::ERR/.test(e))).toEqual([])
  await context.close()
  await facilitatorContext.close()
})
