import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

const minimal = readFileSync('tests/fixtures/answers/minimal.tda.json', 'utf8')

/** Writes a record straight into the app's IndexedDB, as an older version of the tool or a damaged disk might have left it. */
async function storeRaw(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(async ([k, v]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tech-diplomacy-assessment')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('assessments', 'readwrite')
      tx.objectStore('assessments').put(v, k as string)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, [key, value] as const)
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import an answers file…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
}

test('one bad date or one damaged record never hides the other assessments, before or after a reload', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  await importFile(page, 'nepal.tda.json', minimal)
  await expect(page.getByText('nepal.tda.json was imported as a new assessment.')).toBeVisible()
  const rows = page.locator('.assessment-table tbody tr')
  await expect(rows).toHaveCount(1)

  const badDate = JSON.parse(minimal) as { assessment: { profile: { date: string, country: string }, createdAt: string } }
  badDate.assessment.profile.date = '2026-13-45'
  badDate.assessment.profile.country = 'GHA'
  badDate.assessment.createdAt = '2026-11-21T09:00:00.000Z'
  await importFile(page, 'bad-date.tda.json', JSON.stringify(badDate))
  await expect(page.getByText(/bad-date\.tda\.json (was imported|was not imported)/)).toBeVisible()
  await page.reload()
  await expect(rows.filter({ hasText: 'Nepal' })).toHaveCount(1)

  // What an earlier version may have stored without checking: a valid record with an impossible date and a broken timestamp,
  // a record that no longer passes the schema, and bytes that are not an assessment at all.
  const nepal = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('tech-diplomacy-assessment')
      req.onsuccess = () => resolve(req.result)
    })
    const all = await new Promise<unknown[]>((resolve) => {
      const req = db.transaction('assessments').objectStore('assessments').getAll()
      req.onsuccess = () => resolve(req.result)
    })
    db.close()
    return all.find(r => (r as { profile: { country: string } }).profile.country === 'NPL') as Record<string, unknown> & { profile: Record<string, unknown> }
  })
  await storeRaw(page, 'old-ghana', { ...nepal, id: 'old-ghana', profile: { ...nepal.profile, country: 'GHA', date: '2026-13-45' }, updatedAt: 'abcdefghij' })
  await storeRaw(page, 'damaged-fiji', { ...nepal, id: 'damaged-fiji', profile: { ...nepal.profile, country: 'FJI', ministry: 'Ministry of Foreign Affairs of Fiji' }, answers: { 'I1.1': { kind: 'level', level: 'high' } } })
  await storeRaw(page, 'garbage', 'not an assessment')
  await page.reload()

  await expect(rows.filter({ hasText: 'Nepal' })).toHaveCount(1)
  // The record with an impossible date is either shown with "—" and a note, or (now that reading checks dates) listed as unreadable with its name.
  const unreadable = page.locator('.unreadable-records')
  await expect(rows.filter({ hasText: 'abcdefghij' }).or(unreadable.locator('li', { hasText: 'Ghana' }))).toHaveCount(1)
  await expect(unreadable.getByRole('heading', { name: /saved assessments cannot be read/ })).toBeVisible()
  const fiji = unreadable.locator('li', { hasText: 'Fiji — Ministry of Foreign Affairs of Fiji' })
  await expect(fiji).toBeVisible()
  await expect(unreadable.locator('li', { hasText: 'Unnamed assessment' })).toBeVisible()
  await page.screenshot({ path: `${ARTIFACTS}/storage-damaged-records.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)

  const [saved] = await Promise.all([page.waitForEvent('download'), fiji.getByRole('button', { name: 'Save what is left of it' }).click()])
  const left = JSON.parse(readFileSync(await saved.path(), 'utf8')) as { id: string, answers: unknown }
  expect(left.id).toBe('damaged-fiji')
  expect(left.answers).toEqual({ 'I1.1': { kind: 'level', level: 'high' } })

  await fiji.getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('dialog', { name: 'Delete this unreadable record?' }).getByRole('button', { name: 'Delete' }).click()
  await expect(unreadable.locator('li', { hasText: 'Fiji' })).toHaveCount(0)
  await page.reload()
  await expect(page.locator('.unreadable-records li', { hasText: 'Fiji' })).toHaveCount(0)
  await expect(page.locator('.unreadable-records li', { hasText: 'Unnamed assessment' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Nepal' })).toHaveCount(1)
  expect(errors).toEqual([])
})

test('importing the same file twice warns and labels the second one "(copy)"; a duplicate is labelled too', async ({ page }) => {
  await page.goto('/')
  await importFile(page, 'nepal.tda.json', minimal)
  await expect(page.getByText('nepal.tda.json was imported as a new assessment.')).toBeVisible()
  await expect(page.getByText(/already on this device/)).toHaveCount(0)
  await importFile(page, 'nepal.tda.json', minimal)
  await expect(page.getByText('This file\'s assessment was already on this device, so the new one is labelled “(copy)”. Delete the one you do not need.')).toBeVisible()
  const rows = page.locator('.assessment-table tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: '(copy)' })).toHaveCount(1)
  await rows.filter({ hasNotText: '(copy)' }).getByRole('button', { name: 'Duplicate' }).click()
  await expect(rows.filter({ hasText: '(copy)' })).toHaveCount(2)
})

test('two tabs editing one assessment: the second save is stopped, the user is told what differs and nothing is lost', async ({ context }) => {
  const first = await context.newPage()
  await first.goto('/')
  await importFile(first, 'nepal.tda.json', minimal)
  await first.getByRole('link', { name: 'Open it' }).click()
  await first.waitForURL(/\/assessments\/[^/]+\/questions/)
  const url = first.url()

  // The second tab hears nothing from the first (as when a message is missed): the revision check alone must catch it.
  const second = await context.newPage()
  await second.addInitScript(() => { Reflect.deleteProperty(window, 'BroadcastChannel') })
  await second.goto(url)
  await expect(second.locator('input[name="indicator-I1-3-answer"]').first()).toBeVisible()

  await first.locator('input[name="indicator-I1-3-answer"][value="level-4"]').check()
  await first.locator('#indicator-I1-3-evidence').fill('Cabinet decision 14/2026')
  await expect(first.getByText(/All changes saved on this device/)).toBeVisible()

  // The answer is chosen by a click event alone. A real click first focuses the radio, and the focus saves the
  // place in the questionnaire: that save meets the other tab's change first, and the panel it opens moves the
  // questions down under the pointer before the button is released, so the click lands elsewhere (a slow machine
  // shows it). Then the answer itself is never chosen.
  await second.locator('input[name="indicator-I1-4-answer"][value="level-1"]').dispatchEvent('click')
  await expect(second.locator('input[name="indicator-I1-4-answer"][value="level-1"]')).toBeChecked()
  const panel = second.locator('.conflict-panel')
  await expect(panel.getByRole('heading', { name: 'This assessment was changed in another tab or window' })).toBeVisible()
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('Your version and the other one differ in: the answers to I1.3, I1.4.')
  await expect(second.getByText('Not saved: this assessment was changed in another tab or window.')).toBeVisible()
  await expect(panel.getByRole('heading')).toBeFocused()
  await expect(panel).toBeInViewport()
  await second.screenshot({ path: `${ARTIFACTS}/storage-conflict.png`, fullPage: false })
  await expectNoSeriousA11yViolations(second)

  await panel.getByRole('button', { name: 'Keep my version as a copy' }).click()
  await expect(panel).toHaveCount(0)
  await expect(second).not.toHaveURL(url)
  await expect(second.locator('input[name="indicator-I1-4-answer"][value="level-1"]')).toBeChecked()
  await expect(second.getByText(/All changes saved on this device/)).toBeVisible()

  await second.goto('/')
  const rows = second.locator('.assessment-table tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: '(copy)' })).toHaveCount(1)
  await second.goto(url)
  await expect(second.locator('input[name="indicator-I1-3-answer"][value="level-4"]')).toBeChecked()
  await expect(second.locator('#indicator-I1-3-evidence')).toHaveValue('Cabinet decision 14/2026')
})

test('tabs keep each other up to date: a save shows in the other tab, a deletion closes the assessment there', async ({ context }) => {
  const first = await context.newPage()
  await first.goto('/')
  await importFile(first, 'nepal.tda.json', minimal)
  await first.getByRole('link', { name: 'Open it' }).click()
  await first.waitForURL(/\/assessments\/[^/]+\/questions/)
  const url = first.url()
  const second = await context.newPage()
  await second.goto(url)
  await expect(second.locator('input[name="indicator-I1-3-answer"]').first()).toBeVisible()

  await first.locator('input[name="indicator-I1-3-answer"][value="level-2"]').check()
  await expect(second.locator('input[name="indicator-I1-3-answer"][value="level-2"]')).toBeChecked()
  await second.locator('input[name="indicator-I1-4-answer"][value="dont_know"]').check()
  await expect(second.getByText(/All changes saved on this device/)).toBeVisible()
  await expect(first.locator('input[name="indicator-I1-4-answer"][value="dont_know"]')).toBeChecked()

  await first.goto('/')
  await first.locator('.assessment-table tbody tr').getByRole('button', { name: 'Delete' }).click()
  await first.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(second.getByRole('heading', { name: 'This assessment was deleted in another tab or window.' })).toBeVisible()
  await second.reload()
  await expect(second.getByRole('heading', { name: 'This assessment was deleted in another tab or window.' })).toHaveCount(0)
  await expect(second.getByRole('heading', { name: 'This assessment does not exist on this device (it may have been deleted).' })).toBeVisible()
})

test('opening a questionnaire with the same id and version but other content asks first, and can keep both', async ({ page }) => {
  await page.goto('/')
  const mini = readFileSync('tests/fixtures/questionnaires/mini.json', 'utf8')
  await page.getByLabel('Open a questionnaire file…').setInputFiles('tests/fixtures/questionnaires/mini.json')
  await expect(page.getByText('“Mini test questionnaire” from mini.json is ready for a new assessment.')).toBeVisible()
  const cards = page.locator('.questionnaire-card', { hasText: 'Mini test questionnaire' })
  await expect(cards).toHaveCount(1)

  await page.getByLabel('Open a questionnaire file…').setInputFiles({ name: 'mini-copy.json', mimeType: 'application/json', buffer: Buffer.from(mini) })
  await expect(page.getByText('“Mini test questionnaire” is already here with exactly the same content; nothing was changed.')).toBeVisible()

  const changed = JSON.parse(mini) as { title: { en: string } }
  changed.title.en = 'Mini test questionnaire, workshop edition'
  await page.getByLabel('Open a questionnaire file…').setInputFiles({ name: 'mini-workshop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) })
  const ask = page.getByRole('alert').filter({ hasText: 'A different questionnaire with the same id and version is already here' })
  await expect(ask).toContainText('differs from the one opened earlier from mini.json')
  await expect(ask).toContainText('No saved assessment uses the earlier one.')
  await expect(cards).toHaveCount(1)
  await expect(page.locator('.questionnaire-card', { hasText: 'workshop edition' })).toHaveCount(0)
  await page.screenshot({ path: `${ARTIFACTS}/storage-same-questionnaire.png`, fullPage: true })

  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(ask).toHaveCount(0)
  await page.reload()
  await expect(page.locator('.questionnaire-card', { hasText: 'workshop edition' })).toHaveCount(0)

  await page.getByLabel('Open a questionnaire file…').setInputFiles({ name: 'mini-workshop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) })
  await page.getByRole('button', { name: 'Keep both' }).click()
  await expect(page.locator('.questionnaire-card', { hasText: 'workshop edition' })).toHaveCount(1)
  await page.reload()
  await expect(page.locator('.questionnaire-card', { hasText: 'Mini test questionnaire' })).toHaveCount(2)
})

test('a device whose database cannot be opened says its saved work exists, and saves nothing elsewhere', async ({ page }) => {
  await page.goto('/')
  await importFile(page, 'nepal.tda.json', minimal)
  await expect(page.locator('.assessment-table tbody tr')).toHaveCount(1)
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function open() {
      const request = { error: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError') } as unknown as IDBOpenDBRequest
      setTimeout(() => request.onerror?.(new Event('error')), 0)
      return request
    }
  })
  await page.reload()
  await expect(page.getByRole('alert').filter({ hasText: 'This device holds saved assessments, but the browser cannot open its database right now.' })).toBeVisible()
  await expect(page.getByText('No assessment yet.', { exact: false })).toHaveCount(0)
  await page.getByRole('button', { name: 'Start a new assessment' }).first().click()
  await expect(page.getByText(/Not saved: This device's database cannot be opened right now/)).toBeVisible()
  expect(await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tda:assessments:')))).toEqual([])
})

/** Reloads the page with the first read of the saved assessments aborted by the browser (as when another tab holds them). */
async function reloadFailingFirstRead(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = IDBObjectStore.prototype.getAllKeys
    let failures = 1
    IDBObjectStore.prototype.getAllKeys = function getAllKeys(this: IDBObjectStore, ...args: Parameters<typeof original>) {
      if (this.name === 'assessments' && failures-- > 0) throw new DOMException('The transaction was aborted.', 'AbortError')
      return original.apply(this, args)
    }
  })
  await page.reload()
}

test('a failed first load offers "Try again" instead of staying on "Loading…"', async ({ page }) => {
  await page.goto('/')
  await importFile(page, 'nepal.tda.json', minimal)
  await expect(page.locator('.assessment-table tbody tr')).toHaveCount(1)
  // The row shows at once, the message once the record is written: reload only then, or the write may be cut short.
  await expect(page.getByText('nepal.tda.json was imported as a new assessment.')).toBeVisible()
  await reloadFailingFirstRead(page)
  const alert = page.getByRole('alert').filter({ hasText: 'Your saved assessments could not be read.' })
  await expect(alert.locator('p').first()).toHaveText('Your saved assessments could not be read. The browser stopped reading the saved data before the end (another tab of this tool may have been changing it). Nothing was changed.')
  await expect(page.getByText('Loading…')).toHaveCount(0)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.locator('.assessment-table tbody tr', { hasText: 'Nepal' })).toHaveCount(1)
})

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' })

  test('a failed load gives its reason in French, the browser\'s English text only under "Détails techniques"', async ({ page }) => {
    await page.goto('/')
    await page.getByLabel('Importer un fichier de réponses…').setInputFiles({ name: 'nepal.tda.json', mimeType: 'application/json', buffer: Buffer.from(minimal) })
    await expect(page.locator('.assessment-table tbody tr')).toHaveCount(1)
    await expect(page.getByText('nepal.tda.json a été importé comme nouvelle évaluation.')).toBeVisible()
    await reloadFailingFirstRead(page)
    const alert = page.getByRole('alert').filter({ hasText: 'Vos évaluations enregistrées n\'ont pas pu être lues.' })
    await expect(alert.locator('p').first()).toHaveText('Vos évaluations enregistrées n\'ont pas pu être lues. Le navigateur a interrompu la lecture des données enregistrées avant la fin (un autre onglet de cet outil était peut-être en train de les modifier). Rien n\'a été modifié.')
    await expect(alert.locator('p').first()).not.toContainText('transaction')
    const details = alert.locator('details')
    await expect(details.locator('code')).toBeHidden()
    await details.getByText('Détails techniques (message du navigateur)').click()
    await expect(details.locator('code')).toHaveText('AbortError: The transaction was aborted')
    await page.screenshot({ path: `${ARTIFACTS}/storage-load-failure-fr.png` })
    await alert.getByRole('button', { name: 'Réessayer' }).click()
    await expect(page.locator('.assessment-table tbody tr', { hasText: 'Népal' })).toHaveCount(1)
  })
})
