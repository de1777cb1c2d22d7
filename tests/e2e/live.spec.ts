// A live workshop in Chromium: one facilitator and three participants (one on a 360 px phone), each in its own
// browser context, against the real workshop server (`npm run workshop`) serving the production build.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { createWorkshop, profileOf, readWorkshop } from '../server/api-client'
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

async function participant(browser: Browser, code: string, options: { width?: number, role?: string, title?: string } = {}): Promise<{ context: BrowserContext, page: Page }> {
  const title = options.title ?? 'Regional workshop, Suva'
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.width ? 780 : 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/#/join/${code}`)
  await expect(page.getByRole('heading', { level: 2, name: `Workshop: ${title}` })).toBeVisible()
  if (options.role) await page.getByLabel('Your role (optional)').fill(options.role)
  await page.getByRole('button', { name: 'Join and start answering' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mandate & institutional anchoring' })).toBeVisible()
  await expect(page.getByText(`Live workshop: ${title} (you are P`)).toBeVisible()
  await expect(page.getByText(`Live workshop: your answers are saved on this device and sent to the workshop server at ${new URL(server.url).host}, and nowhere else.`)).toBeVisible()
  return { context, page }
}

/** Chooses a level; on a phone (one question per screen) goes to the question first, forward or back. */
async function answer(page: Page, indicator: string, level: number): Promise<void> {
  const input = page.locator(`input[name="indicator-${indicator.replace('.', '-')}-answer"][value="level-${level}"]`)
  for (const direction of [/Next question/, /Previous question/]) {
    for (let step = 0; step < 10 && await input.count() === 0; step++) {
      const move = page.getByRole('button', { name: direction })
      if (await move.count() === 0 || await move.isDisabled()) break
      await move.click()
    }
  }
  await input.check()
}

/** The count the facilitator's heatmap prints for one indicator and level (the cells after the row's heading: levels 0–5). */
function cell(page: Page, indicator: string, level: number) {
  return page.locator(`[data-heat-row="${indicator}"] td`).nth(level)
}

/** The key this browser keeps for a live workshop, and the workshop file the server exports with it. */
async function serverExport(page: Page, workshopId: string): Promise<{ workshop: { delegations: Array<{ consensus: Record<string, { note: string, choice?: { level?: number } }> }> } }> {
  const key = await page.evaluate(id => localStorage.getItem(`tdma.live.facilitator.${id}`), workshopId)
  const response = await fetch(`${server.url}/api/workshops/${workshopId}/export`, { headers: { authorization: `Bearer ${key}` } })
  expect(response.status).toBe(200)
  return await response.json() as never
}

test('a live workshop: the facilitator works in the workshop\'s own screens as answers arrive, the consensus reaches the server, an offline phone catches up once', async ({ browser }) => {
  test.setTimeout(240_000)
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

  // The facilitator's address keeps the key in this browser and opens the workshop's own screens, on its live room.
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Live room' })).toBeVisible()
  await expect(facilitator).toHaveURL(/#\/workshops\/[0-9a-f-]{36}\/live$/)
  const workshopId = /workshops\/([0-9a-f-]{36})/.exec(facilitator.url())![1]!
  const facilitatorKey = (await facilitator.evaluate(id => localStorage.getItem(`tdma.live.facilitator.${id}`), workshopId))!
  expect(facilitatorKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
  await expect(facilitator.getByTestId('live-connection')).toHaveText(/Live: answers appear as they arrive\./)
  const code = (await facilitator.getByTestId('join-code').textContent())!.trim()
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
  await expect(facilitator.getByRole('img', { name: /QR code of the join address/ })).toBeVisible()
  await expect(facilitator.getByRole('contentinfo')).toContainText('Live workshop: participants\' answers are kept by the workshop server')

  const alice = await participant(browser, code, { role: 'ICT ministry' })
  const bob = await participant(browser, code)
  const phone = await participant(browser, code, { width: 360, role: 'regulator' })
  await expect(facilitator.getByTestId('live-progress')).toHaveText('3 joined · 0 answering · 0 submitted')

  // On the delegation's page (the real heatmap), each answer's count appears within a second.
  await facilitator.getByRole('link', { name: 'Fiji — Ministry of Foreign Affairs' }).click()
  await expect(facilitator.getByTestId('heatmap')).toBeVisible()
  await expect(facilitator.getByRole('heading', { name: 'Participants (3)' })).toBeVisible()
  // A live participant cannot be removed here while the server is followed (the server would bring them back).
  await expect(facilitator.getByRole('button', { name: /^Remove P\d/ })).toHaveCount(0)
  const delays: number[] = []
  async function answerSeen(who: Page, indicator: string, level: number, count: string) {
    await answer(who, indicator, level)
    const sent = Date.now()
    await expect(cell(facilitator, indicator, level)).toHaveText(count, { timeout: 1000 })
    delays.push(Date.now() - sent)
  }
  await answerSeen(alice.page, 'I1.1', 3, '1')
  await answerSeen(bob.page, 'I1.1', 1, '1')
  await expect(facilitator.locator('[data-heat-row="I1.1"]')).toHaveClass(/is-discussion/)
  await answerSeen(phone.page, 'I1.1', 3, '2')

  await answerSeen(alice.page, 'I1.3', 2, '1')
  await answerSeen(bob.page, 'I1.3', 3, '1')
  await answerSeen(alice.page, 'I1.4', 1, '1')
  await answerSeen(bob.page, 'I1.4', 1, '2')
  console.log(`facilitator's heatmap updated ${delays.join(', ')} ms after each answer`)
  expect(Math.max(...delays)).toBeLessThan(1000)
  await expect(alice.page.getByTestId('live-status')).toHaveText('All your answers have been sent.')
  await facilitator.screenshot({ path: `${ARTIFACTS}/live-facilitator.png`, fullPage: true })
  // The README's picture: the header saying it is live, the participants, and the heatmap filling in.
  await facilitator.evaluate(() => window.scrollTo(0, 0))
  const rowBox = (await facilitator.locator('[data-heat-row="I2.4"]').boundingBox())!
  await facilitator.screenshot({ path: `${ARTIFACTS}/live-facilitator-readme.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(rowBox.y + rowBox.height + 12) } })

  // The consensus with a note, set on the delegation's page, reaches the server.
  const item = facilitator.locator('[data-consensus="I1.1"]')
  await item.locator('input[value="level-2"]').check({ force: true })
  await item.getByLabel(/Why the room agreed this answer/).fill('The 2025 decree names a focal point but gives it no team')
  await expect.poll(async () => (await serverExport(facilitator, workshopId)).workshop.delegations[0]!.consensus['I1.1'], { timeout: 10_000 })
    .toMatchObject({ choice: { level: 2 }, note: 'The 2025 decree names a focal point but gives it no team' })
  await expect(facilitator.getByTestId('live-unsent')).toHaveCount(0)

  // Presentation mode follows too: on a discussion item, a new answer changes its count on the same screen, and a
  // discussion item appearing before it does not move the room off the one it is discussing.
  await facilitator.getByRole('link', { name: 'Present on a projector' }).click()
  // The opening screen first (the keys are read once it is there), then one item at a time, as a clicker would.
  // (the delegation page also says "2 discussion items": wait for the projector's page itself, without the app's header)
  await expect(facilitator.locator('.presentation').getByText('2 discussion items')).toBeVisible()
  await expect(facilitator.locator('.app-header')).toHaveCount(0)
  await facilitator.keyboard.press('PageDown')
  await expect(facilitator.getByText(/^Discussion item 1 of 2/)).toBeVisible()
  await facilitator.keyboard.press('PageDown')
  await expect(facilitator.getByText(/^Discussion item 2 of 2/)).toBeVisible()
  await expect(facilitator.getByRole('heading', { level: 1 })).toContainText('I1.3')
  const countAt = (level: number) => facilitator.locator(`.presentation-level[data-level="${level}"] .presentation-count-text`)
  await expect(countAt(2)).toHaveText('1')
  await answer(phone.page, 'I1.3', 2)
  await expect(countAt(2)).toHaveText('2', { timeout: 1000 })
  await answer(bob.page, 'I1.2', 4)
  await answer(alice.page, 'I1.2', 0)
  await expect(facilitator.getByText(/^Discussion item 3 of 3/)).toBeVisible({ timeout: 2000 })
  await expect(facilitator.getByRole('heading', { level: 1 })).toContainText('I1.3')
  await expectNoSeriousA11yViolations(facilitator)
  await facilitator.keyboard.press('Escape')
  await expect(facilitator.getByTestId('heatmap')).toBeVisible()

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
  const exported = await serverExport(facilitator, workshopId)
  const answersOfPhone = (exported.workshop as unknown as { delegations: Array<{ participants: Array<{ role: string, answers: Record<string, { level?: number }> }> }> })
    .delegations[0]!.participants.filter(p => p.role === 'regulator')
  expect(answersOfPhone).toHaveLength(1)
  expect(Object.keys(answersOfPhone[0]!.answers).sort()).toEqual(['I1.1', 'I1.2', 'I1.3'])
  expect(answersOfPhone[0]!.answers['I1.2']!.level).toBe(5)

  // The results are computed on the consensus set here, from the live answers.
  await facilitator.getByRole('navigation', { name: 'Workshop pages' }).getByRole('link', { name: 'Results' }).click()
  await expect(facilitator.getByRole('heading', { level: 1 })).toBeVisible()

  // The live room: progress, the spread for participants, closing, the file from the server, deletion.
  await facilitator.getByRole('navigation', { name: 'Workshop pages' }).getByRole('link', { name: 'Live room' }).click()
  await phone.page.getByRole('button', { name: 'I have finished: submit my answers' }).click()
  await expect(phone.page.getByText('Your answers are submitted. Thank you.')).toBeVisible()
  await expect(facilitator.getByTestId('live-progress')).toHaveText('3 joined · 2 answering · 1 submitted')
  await phone.page.getByRole('button', { name: 'See the group\'s answers' }).click()
  await expect(phone.page.getByRole('alert')).toHaveText('The facilitator has not yet opened the group\'s answers to participants.')
  const spread = facilitator.getByLabel('Let participants who have submitted see the group\'s answers')
  await spread.check()
  // The click ticks the box at once; the server has the setting once the box can be used again (and is still ticked).
  await expect(spread).toBeEnabled()
  await expect(spread).toBeChecked()
  await phone.page.getByRole('button', { name: 'See the group\'s answers' }).click()
  await expect(phone.page.getByRole('table', { name: /How the group answered \(3 participants\)/ })).toBeVisible()
  await expectNoSeriousA11yViolations(phone.page)

  await expectNoSeriousA11yViolations(facilitator)
  await facilitator.setViewportSize({ width: 360, height: 780 })
  expect(await facilitator.evaluate(() => document.documentElement.scrollWidth), 'the live room fits a phone too').toBeLessThanOrEqual(360)
  await facilitator.setViewportSize({ width: 1280, height: 900 })

  await facilitator.getByRole('button', { name: 'Close to new answers' }).click()
  await expect(facilitator.getByText('The workshop is closed: no new participants or answers are accepted.')).toBeVisible()
  await answer(bob.page, 'I1.3', 1)
  await expect(bob.page.getByTestId('live-status')).toHaveText('The workshop server did not accept your answers: The workshop is closed. They remain saved on this device.')

  const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByRole('button', { name: 'Export the workshop file (.tdw.json)' }).click()])
  expect(download.suggestedFilename()).toMatch(/^regional-workshop-suva-\d{4}-\d{2}-\d{2}\.tdw\.json$/)
  await facilitator.getByRole('button', { name: 'Delete the workshop' }).click()
  await facilitator.getByRole('dialog').getByRole('button', { name: 'Delete the workshop' }).click()

  // Deleted from the server: the copy in this browser stays until the facilitator chooses; kept, it is an ordinary workshop.
  await expect(facilitator.getByRole('heading', { name: 'Workshop deleted' })).toBeVisible()
  expect((await fetch(`${server.url}/api/workshops/${workshopId}/export`, { headers: { authorization: `Bearer ${facilitatorKey}` } })).status).toBe(404)
  await facilitator.getByRole('button', { name: 'Keep the copy in this browser' }).click()
  await expect(facilitator.getByRole('heading', { name: 'Workshop deleted' })).toHaveCount(0)
  await expect(facilitator.getByTestId('live-connection')).toHaveCount(0)
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Regional workshop, Suva' })).toBeVisible()
  await facilitator.getByRole('link', { name: 'Fiji — Ministry of Foreign Affairs' }).click()
  await expect(cell(facilitator, 'I1.1', 3)).toHaveText('2')
  await expect(facilitator.getByRole('button', { name: 'Remove P1 (ICT ministry)' })).toBeVisible()
  await expect(facilitator.locator('[data-consensus="I1.1"]').getByLabel(/Why the room agreed this answer/)).toHaveValue('The 2025 decree names a focal point but gives it no team')
  expect(await facilitator.evaluate(id => localStorage.getItem(`tdma.live.facilitator.${id}`), workshopId)).toBeNull()

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
  // The facilitator's address keeps its key in this browser and opens the workshop's live room.
  await expect(facilitator).toHaveURL(/#\/workshops\/[0-9a-f-]{36}\/live$/)
  const workshopId = /workshops\/([0-9a-f-]{36})/.exec(facilitator.url())![1]
  const facilitatorKey = await facilitator.evaluate(id => localStorage.getItem(`tdma.live.facilitator.${id}`), workshopId!)
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
  // Sent, and saved on the phone itself (the two end in either order): only then is the tab closed.
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
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

test('two facilitator tabs on one live workshop: one follows the server, both show each answer, the other takes over when it closes, a consensus set in either reaches the server', async ({ browser }) => {
  test.setTimeout(90_000)
  const created = await createWorkshop(server.url, 'Two tabs, Apia', [profileOf('WSM', 'Ministry of Foreign Affairs and Trade')])
  const delegationId = (await readWorkshop(server.url, created)).workshop.delegations[0]!.id
  const delegationPage = `${server.url}/#/workshops/${created.workshopId}/d/${delegationId}`
  const facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  /** Opens a facilitator's tab on the delegation's page, recording when it opens the server's stream of changes. */
  async function facilitatorTab(url: string): Promise<{ page: Page, streams: string[], errors: string[] }> {
    const page = await facilitatorContext.newPage()
    const streams: string[] = []
    page.on('request', (request) => { if (/\/api\/workshops\/[^/]+\/events/.test(request.url())) streams.push(request.url()) })
    const errors = trackErrors(page)
    await page.goto(url)
    return { page, streams, errors }
  }

  // The facilitator's address keeps the key in this browser; a second tab then opens the same delegation.
  const first = await facilitatorTab(`${server.url}${created.facilitatorPath}`)
  await expect(first.page.getByRole('heading', { level: 1, name: 'Live room' })).toBeVisible()
  await first.page.getByRole('link', { name: 'Samoa — Ministry of Foreign Affairs and Trade' }).click()
  await expect(first.page.getByRole('heading', { name: 'Participants (0)' })).toBeVisible()
  await expect(first.page.getByTestId('live-connection')).toHaveText(/Live: answers appear as they arrive\./)
  const second = await facilitatorTab(delegationPage)
  await expect(second.page.getByRole('heading', { name: 'Participants (0)' })).toBeVisible()
  await expect(second.page.getByTestId('live-connection')).toContainText('Live:')
  expect(first.streams.length).toBeGreaterThan(0)

  const alice = await participant(browser, created.joinCode, { title: 'Two tabs, Apia', role: 'ICT ministry' })
  await expect(first.page.getByRole('heading', { name: 'Participants (1)' })).toBeVisible()
  await expect(second.page.getByRole('heading', { name: 'Participants (1)' })).toBeVisible()

  // Each answer shows in both tabs: the following one hears the server, the other one hears that tab.
  const delays: number[] = []
  async function answerSeenIn(tabs: Page[], indicator: string, level: number) {
    await answer(alice.page, indicator, level)
    const sent = Date.now()
    for (const tab of tabs) await expect(cell(tab, indicator, level)).toHaveText('1', { timeout: 2000 })
    delays.push(Date.now() - sent)
  }
  await answerSeenIn([first.page, second.page], 'I1.1', 3)
  await answerSeenIn([second.page, first.page], 'I1.2', 1)
  // Only one tab follows the server.
  expect(second.streams).toEqual([])

  // A consensus with a note set in the tab that does not follow the server reaches it through the one that does.
  // (with one participant nothing is a discussion item: the items are under "agreed")
  await second.page.locator('details.agreed-items > summary').click()
  const item = second.page.locator('[data-consensus="I1.1"]')
  await item.locator('input[value="level-2"]').check({ force: true })
  await item.getByLabel(/Why the room agreed this answer/).fill('Set in the second tab')
  await expect.poll(async () => (await serverExport(second.page, created.workshopId)).workshop.delegations[0]!.consensus['I1.1'], { timeout: 10_000 })
    .toMatchObject({ choice: { level: 2 }, note: 'Set in the second tab' })
  await expect(first.page.locator('[data-consensus="I1.1"]').getByLabel(/Why the room agreed this answer/)).toHaveValue('Set in the second tab')

  // The following tab is closed: the other one takes the stream over and keeps following.
  await first.page.close()
  await expect.poll(() => second.streams.length, { timeout: 10_000 }).toBeGreaterThan(0)
  await expect(second.page.getByTestId('live-connection')).toHaveText(/Live: answers appear as they arrive\./)
  await answerSeenIn([second.page], 'I1.3', 4)
  await answerSeenIn([second.page], 'I1.4', 0)
  console.log(`facilitator tabs updated ${delays.join(', ')} ms after each answer`)

  // A consensus set there, now the following tab, reaches the server too.
  const next = second.page.locator('[data-consensus="I1.2"]')
  await next.locator('input[value="level-3"]').check({ force: true })
  await expect.poll(async () => (await serverExport(second.page, created.workshopId)).workshop.delegations[0]!.consensus['I1.2'], { timeout: 10_000 })
    .toMatchObject({ choice: { level: 3 } })
  await expect(second.page.getByTestId('live-unsent')).toHaveCount(0)
  await expect(second.page.getByText(/changed in another tab or window/)).toHaveCount(0)

  expect([...first.errors, ...second.errors].filter(e => !/Failed to load resource|net::ERR/.test(e))).toEqual([])
  await alice.context.close()
  await facilitatorContext.close()
})
