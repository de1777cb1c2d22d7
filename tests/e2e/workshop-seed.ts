import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'

interface FixtureAnswer { kind: string, level?: number, confidence?: string, evidence: string, updatedAt: string }

const fixture = JSON.parse(readFileSync('tests/fixtures/answers/known-results.tda.json', 'utf8')) as {
  assessment: { profile: Record<string, unknown>, answers: Record<string, FixtureAnswer> }
}
const AT = '2026-11-29T09:00:00.000Z'

/**
 * A workshop of six anonymous participants on tech-diplomacy 1.0.0, from the known-results answers: P1 and P2 as
 * written, P3 and P4 one level higher on the Mandate indicators I1.1 and I1.2, P5 "don't know" on I1.1, P6 as written
 * but I1.3 one level lower. So I1.1 (2, 2, 3, 3, don't know, 2), I1.2 (2, 2, 3, 3, 2, 2) and I1.3 (3 ×5, 2) are
 * discussion items, with I2.4 (don't know for all six) not one. I1.2 has the consensus "3" with a note.
 */
export function sixParticipantWorkshop(id: string, title: string, showNames = false): Record<string, unknown> {
  const base = fixture.assessment.answers
  const shifted = (ids: string[], by: number) => Object.fromEntries(Object.entries(base).map(([key, answer]) => [
    key,
    ids.includes(key) && answer.kind === 'level' ? { ...answer, level: (answer.level ?? 0) + by } : answer,
  ]))
  const answers = [
    base,
    base,
    shifted(['I1.1', 'I1.2'], 1),
    shifted(['I1.1', 'I1.2'], 1),
    { ...base, 'I1.1': { kind: 'dont_know', evidence: '', updatedAt: AT } },
    shifted(['I1.3'], -1),
  ]
  return {
    id,
    title,
    questionnaireKey: 'tech-diplomacy@1.0.0',
    questionnaireId: 'tech-diplomacy',
    questionnaireVersion: '1.0.0',
    locale: 'en',
    showNames,
    delegations: [{
      id: 'd1',
      profile: fixture.assessment.profile,
      participants: answers.map((set, index) => ({
        id: `p${index + 1}`,
        number: index + 1,
        role: index === 0 ? 'ICT ministry' : '',
        name: `Participant Name ${index + 1}`,
        source: 'file',
        answers: set,
        submitted: true,
        addedAt: AT,
        updatedAt: AT,
      })),
      consensus: { 'I1.2': { choice: { kind: 'level', level: 3 }, note: 'The ministerial decision of May 2026 settles it', discussed: true, updatedAt: AT } },
      roadmap: {},
    }],
    createdAt: AT,
    updatedAt: AT,
  }
}

/**
 * Stores a workshop on the device as an earlier session would have (the app must have been opened once), then reloads
 * the page so the app reads it, as on a later visit.
 */
export async function seedWorkshop(page: Page, workshop: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (record) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('tech-diplomacy-assessment')
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const db = open.result
        const tx = db.transaction('workshops', 'readwrite')
        tx.objectStore('workshops').put({ ...record, revision: 1 }, record.id as string)
        tx.oncomplete = () => { db.close(); resolve() }
        tx.onerror = () => reject(tx.error)
      }
    })
  }, workshop)
  await page.reload()
}
