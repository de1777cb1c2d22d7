import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { countryNameNode, readReportFonts, readReportLabels } from '@/cli/report-node'
import type { Answer, Answers } from '@/domain/assessment'
import { emptyProfile } from '@/domain/profile'
import { createWorkshop, setConsensus } from '@/domain/workshop'
import type { Participant, Workshop } from '@/domain/workshop-model'
import { buildWorkshopPdf, buildWorkshopPdfs, participantsByRole, zipFiles } from '@/report/workshop-report'
import { brokenWords, pdfInfo, pdfLines, pdfPages } from '../../pdf-text'
import { tech } from '../domain/questionnaire-fixtures'

const fonts = readReportFonts()
const GENERATED = new Date('2026-11-29T12:00:00Z')
const T = '2026-11-20T09:00:00.000Z'
const L = (level: number, evidence = ''): Answer => ({ kind: 'level', level, confidence: 'self-declared', evidence, updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const NA: Answer = { kind: 'not_applicable', evidence: '', updatedAt: T }

/**
 * Five participants answer level 1 everywhere except on three indicators (worked by hand):
 * - I1.1: P1 2, P2 2, P3 3 (with a note), P4 don't know, P5 no answer → levels 2:2, 3:1; don't know 1; median 2, 2–3;
 *   the room sets level 3 with a note;
 * - I1.2: P1 0, P5 4 (with a note), the others 1 → levels 0:1, 1:3, 4:1; median 1, 0–4; default (median) consensus;
 * - I5.4: P3 level 2, the four others not applicable → level 2:1, n/a 4; the room sets "not applicable" with a note.
 */
function roomWorkshop(): Workshop {
  const roles = ['ICT ministry', 'Regulator', 'ICT ministry', '', 'Trade ministry']
  const special: Record<string, Array<Answer | undefined>> = {
    'I1.1': [L(2), L(2), L(3, 'Cabinet decision 4/2025'), DK, undefined],
    'I1.2': [L(0), L(1), L(1), L(1), L(4, 'Strategy adopted 2024')],
    'I5.4': [NA, NA, L(2), NA, NA],
  }
  const participants: Participant[] = roles.map((role, p) => {
    const answers: Answers = {}
    for (const indicator of tech.indicators) {
      const answer = special[indicator.id] ? special[indicator.id]![p] : L(1)
      if (answer) answers[indicator.id] = answer
    }
    return { id: `p${p + 1}`, number: p + 1, role, source: 'file', answers, submitted: true, addedAt: T, updatedAt: T }
  })
  const base = createWorkshop({
    id: 'w', title: 'Kathmandu workshop', questionnaireKey: 'tech-diplomacy@1.1.0', questionnaire: tech, locale: 'en',
    delegations: [{ id: 'npl', profile: { ...emptyProfile('2026-11-20'), country: 'NPL', ministry: 'Ministry of Foreign Affairs', unit: 'Policy Planning', ldc: true } }], now: T,
  })
  let w: Workshop = { ...base, delegations: [{ ...base.delegations[0]!, participants }] }
  w = setConsensus(w, 'npl', 'I1.1', { choice: { kind: 'level', level: 3 }, note: 'Agreed: the mandate is in the cabinet decision' }, T)
  w = setConsensus(w, 'npl', 'I5.4', { choice: { kind: 'not_applicable' }, note: 'The diaspora is handled by another ministry' }, T)
  return w
}

const squash = (text: string) => text.replace(/\s+/g, ' ')
const question = (id: string) => tech.indicators.find(i => i.id === id)!.question.en

describe('workshop PDF of one delegation', () => {
  const workshop = roomWorkshop()
  const bytes = buildWorkshopPdf({ questionnaire: tech, workshop, delegationId: 'npl', labels: readReportLabels('en'), countryName: countryNameNode('NPL', 'en'), generatedAt: GENERATED, fonts })
  let pages: string[] = []
  let all = ''
  let appendix = ''
  beforeAll(async () => {
    pages = await pdfPages(bytes)
    all = squash(pages.join(' '))
    appendix = all.slice(all.indexOf('Appendix: the workshop'))
  })

  it('is the ordinary report of the consensus: cover, country, the room\'s answer in the findings', () => {
    expect(pages[0]).toContain('Nepal')
    expect(squash(pages[0]!)).toContain('Consensus of the workshop “Kathmandu workshop” (5 participants) and prioritized plan')
    // the findings print the consensus answer of I1.1 (level 3, Established) with the room's note as its evidence
    expect(all).toContain('Agreed: the mandate is in the cabinet decision')
    expect(all).toMatch(/3 · Established/)
  })

  it('the appendix gives the participant count and the roles', () => {
    expect(appendix).toContain('5 participants took part for this delegation.')
    expect(appendix).toContain('Participants are shown by number (P1, P2 ...) and role, not by name.') // NFKC reads "…" as "..."
    expect(appendix).toMatch(/ICT ministry P1, P3 \(2\)/)
    expect(appendix).toMatch(/Regulator P2 \(1\)/)
    expect(appendix).toMatch(/Trade ministry P5 \(1\)/)
    expect(appendix).toMatch(/No role given P4 \(1\)/)
    // 2 set by the room (I1.1, I5.4), the 30 others from the median, none without an answer
    expect(appendix).toContain('Consensus answers: 2 set by the room, 30 taken from the median of the answers, 0 without an answer.')
  })

  it('lists each discussion item with its spread, the consensus and its note', () => {
    expect(appendix).toContain('3 of 32 indicators were discussion items (the participants gave different answers); 2 marked as discussed.')
    // the columns: levels 0–5, don't know, n/a, then the consensus
    expect(appendix).toContain(`I1.1 ${question('I1.1')} 0 0 2 1 0 0 1 0 3 · Established (set by the room)`)
    expect(appendix).toContain('Median 2, lowest 2, highest 3 (spread 1). 1 participant gave no answer. Note of the room: Agreed: the mandate is in the cabinet decision')
    expect(appendix).toContain(`I1.2 ${question('I1.2')} 1 3 0 0 1 0 0 0 1 · Ad hoc (median of the answers)`)
    expect(appendix).toContain('Median 1, lowest 0, highest 4 (spread 4). No note from the room.')
    expect(appendix).toContain(`I5.4 ${question('I5.4')} 0 0 1 0 0 0 0 4 Not applicable (set by the room)`)
    expect(appendix).toContain('Median 2, lowest 2, highest 2 (spread 0). Note of the room: The diaspora is handled by another ministry')
    // items in questionnaire order, and no other indicator in the table
    expect(appendix.indexOf('I1.1 ')).toBeLessThan(appendix.indexOf('I1.2 '))
    expect(appendix.indexOf('I1.2 ')).toBeLessThan(appendix.indexOf('I5.4 '))
    expect(appendix).not.toContain('I1.3 ')
  })

  // Time is measured by `npm run bench` (a unit test on a busy machine would only be flaky).
  it('is titled for the country and stays small', async () => {
    const info = await pdfInfo(bytes)
    expect(info.Title).toBe('Tech diplomacy roadmap — Nepal')
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024)
  })

  it('renders (pdftoppm) the appendix page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdw-pdf-'))
    writeFileSync(join(dir, 'w.pdf'), bytes)
    const page = pages.findIndex(p => p.includes('Appendix: the workshop')) + 1
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', String(page), '-l', String(page), join(dir, 'w.pdf'), join(dir, 'page')])
  })

  it('names people only when the workshop shows names', async () => {
    const named: Workshop = { ...workshop, showNames: true, delegations: [{ ...workshop.delegations[0]!, participants: workshop.delegations[0]!.participants.map(p => (p.number === 2 ? { ...p, name: 'Ana Costa' } : p)) }] }
    const text = squash((await pdfPages(buildWorkshopPdf({ questionnaire: tech, workshop: named, delegationId: 'npl', labels: readReportLabels('en'), countryName: 'Nepal', generatedAt: GENERATED, fonts }))).join(' '))
    expect(text).toContain('Participants are shown by name, as the facilitator chose.')
    expect(text).toMatch(/Regulator Ana Costa \(1\)/)
    expect(all).not.toContain('Ana Costa')
  })

  it('a workshop with no discussion item says so', async () => {
    const calm = { ...workshop, delegations: [{ ...workshop.delegations[0]!, participants: workshop.delegations[0]!.participants.slice(0, 1), consensus: {} }] }
    const text = squash((await pdfPages(buildWorkshopPdf({ questionnaire: tech, workshop: calm, delegationId: 'npl', labels: readReportLabels('en'), countryName: 'Nepal', generatedAt: GENERATED, fonts }))).join(' '))
    expect(text).toContain('1 participant took part for this delegation.')
    expect(text).toContain('No discussion items: all participants who answered an indicator gave the same answer.')
  })

  it('an unknown delegation is an error', () => {
    expect(() => buildWorkshopPdf({ questionnaire: tech, workshop, delegationId: 'xyz', labels: readReportLabels('en'), countryName: 'Nepal', generatedAt: GENERATED, fonts })).toThrow('unknown delegation xyz')
  })

  it('in French, with the French words', async () => {
    const fr = { ...workshop, locale: 'fr' }
    const text = squash((await pdfPages(buildWorkshopPdf({ questionnaire: tech, workshop: fr, delegationId: 'npl', labels: readReportLabels('fr'), countryName: countryNameNode('NPL', 'fr'), generatedAt: GENERATED, fonts }))).join(' '))
    expect(text).toContain('Annexe : l\'atelier')
    expect(text).toContain('5 participants pour cette délégation.')
    expect(text).toContain('Note de la salle : Agreed: the mandate is in the cabinet decision')
  })
})

describe('workshop PDF in Arabic', () => {
  it('breaks no word of the appendix\'s narrow columns inside itself', async () => {
    const labels = readReportLabels('ar')
    const bytes = buildWorkshopPdf({ questionnaire: tech, workshop: { ...roomWorkshop(), locale: 'ar' }, delegationId: 'npl', labels, countryName: countryNameNode('NPL', 'ar'), generatedAt: GENERATED, fonts })
    const lines = await pdfLines(bytes)
    const page = lines.findIndex(p => p.some(line => line.includes(labels.workshop.heading.normalize('NFKC'))))
    const appendix = lines.slice(page).flat()
    const wl = labels.workshop
    const words = [wl.notApplicableShort, wl.dontKnowShort, wl.consensus, wl.byRoom, wl.byMedian, labels.notApplicable, labels.indicator].flatMap(t => t.normalize('NFKC').split(/\s+/))
    expect(words).toContain('ينطبق')
    expect(brokenWords(appendix, words)).toEqual([])
    // the n/a column's head is drawn as whole words, one per line
    expect(appendix).toContain('ينطبق')
  })
})

describe('one PDF per delegation in one go', () => {
  const base = roomWorkshop()
  const second = { ...base.delegations[0]!, id: 'sen', profile: { ...base.delegations[0]!.profile, country: 'SEN' } }
  const third = { ...base.delegations[0]!, id: 'sen-2', profile: { ...base.delegations[0]!.profile, country: 'SEN' } }
  const none = { ...base.delegations[0]!, id: 'x', profile: { ...base.delegations[0]!.profile, country: '' } }
  const workshop: Workshop = { ...base, delegations: [...base.delegations, second, third, none] }
  const files = buildWorkshopPdfs({ questionnaire: tech, workshop, labels: readReportLabels('en'), countryName: iso3 => countryNameNode(iso3, 'en'), generatedAt: GENERATED, fonts })

  it('names each file by country and date, without collisions', () => {
    expect(files.map(f => [f.delegationId, f.name])).toEqual([
      ['npl', 'nepal-2026-11-20.workshop.pdf'],
      ['sen', 'senegal-2026-11-20.workshop.pdf'],
      ['sen-2', 'senegal-2026-11-20.workshop-2.pdf'],
      ['x', 'kathmandu-workshop-2026-11-20.workshop.pdf'],
    ])
  })

  it('each file is that delegation\'s report', async () => {
    expect(squash((await pdfPages(files[1]!.bytes))[0]!)).toContain('Senegal')
    expect(squash((await pdfPages(files[3]!.bytes))[0]!)).toContain('—')
  })

  it('zips them, stored as they are, readable back', () => {
    const zip = zipFiles(files, GENERATED)
    const back = unzipSync(zip)
    expect(Object.keys(back)).toEqual(files.map(f => f.name))
    expect(back[files[0]!.name]).toEqual(files[0]!.bytes)
    expect(zip.length).toBeGreaterThan(files.reduce((sum, f) => sum + f.bytes.length, 0))
  })

  it('file names in English while the report speaks the workshop\'s language', () => {
    const fr = buildWorkshopPdfs({ questionnaire: tech, workshop: { ...base, locale: 'fr' }, labels: readReportLabels('fr'), countryName: iso3 => countryNameNode(iso3, 'fr'), fileCountryName: iso3 => countryNameNode(iso3, 'en'), generatedAt: GENERATED, fonts })
    expect(fr.map(f => f.name)).toEqual(['nepal-2026-11-20.workshop.pdf'])
  })
})

describe('participants by role', () => {
  it('roles in order of first appearance by number, no role last', () => {
    const p = (number: number, role: string): Participant => ({ id: `p${number}`, number, role, source: 'file', answers: {}, submitted: true, addedAt: T, updatedAt: T })
    const groups = participantsByRole([p(3, 'B'), p(1, ''), p(2, ' A '), p(4, 'B'), p(5, 'A')])
    expect(groups.map(g => [g.role, g.participants.map(x => x.number)])).toEqual([['A', [2, 5]], ['B', [3, 4]], ['', [1]]])
    expect(participantsByRole([])).toEqual([])
  })
})
