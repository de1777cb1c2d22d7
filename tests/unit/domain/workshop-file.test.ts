import { describe, expect, it } from 'vitest'
import { parseAssessmentFile } from '@/domain/assessment-file'
import type { Questionnaire } from '@/domain/questionnaire'
import {
  buildWorkshopFile,
  MAX_WORKSHOP_FILE_BYTES,
  parseWorkshopFile,
  serializeWorkshopFile,
  WORKSHOP_FILE_FORMAT,
  WORKSHOP_FILE_SCHEMA_VERSION,
  workshopFileName,
  workshopFromImport,
} from '@/domain/workshop-file'
import { setConsensus } from '@/domain/workshop'
import { workshopSchema, type Workshop } from '@/domain/workshop-model'
import { inEnglish } from '../../problem-text'
import { sampleWorkshop } from '../../workshop-fixture'
import { mini, tech } from './questionnaire-fixtures'

const EXPORTED = '2026-11-29T12:00:00.000Z'
const known: Questionnaire[] = [mini, tech]
const find = (id: string, version: string) => known.find(q => q.id === id && q.version === version)
const base: Workshop = setConsensus(sampleWorkshop(mini, { participants: 4, delegations: 2 }), 'del-1', 'a1', { choice: { kind: 'level', level: 2 }, note: 'Agreed after debate' }, '2026-11-21T10:00:00.000Z')
const text = (w: Workshop = base) => serializeWorkshopFile(buildWorkshopFile(w, EXPORTED))
/** The file as JSON, changed by `change`, back to text. */
function edited(change: (file: Record<string, any>) => void, w: Workshop = base): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const file = JSON.parse(text(w)) as Record<string, unknown>
  change(file)
  return JSON.stringify(file)
}
function refused(input: string): string[] {
  const result = parseWorkshopFile(input, find, known.map(q => ({ id: q.id, version: q.version })))
  if (result.ok) throw new Error('accepted')
  return result.errors.map(inEnglish)
}

describe('workshop file: export', () => {
  it('names the questionnaire once in the header and leaves out the app\'s questionnaire key', () => {
    const file = buildWorkshopFile(base, EXPORTED)
    expect(file).toMatchObject({ format: 'tech-diplomacy-workshop', schemaVersion: 1, exportedAt: EXPORTED, questionnaire: { id: 'mini', version: '1.0.0' } })
    expect(Object.keys(file.workshop).sort()).toEqual(['createdAt', 'delegations', 'id', 'locale', 'showNames', 'title', 'updatedAt'])
    expect(text().endsWith('}\n')).toBe(true)
    expect(text().split('\n')[1]).toBe('  "format": "tech-diplomacy-workshop",')
  })

  it('file names: ASCII slug of the title and the date', () => {
    expect(workshopFileName('Atelier régional — Dakar', '2026-11-29')).toBe('atelier-regional-dakar-2026-11-29.tdw.json')
    expect(workshopFileName('   ', '')).toBe('workshop-undated.tdw.json')
    expect(workshopFileName('ورشة', '2026-11-29', 'pdf')).toBe('workshop-2026-11-29.pdf')
    expect(workshopFileName(`${'a'.repeat(59)} b`, '2026-11-29')).toBe(`${'a'.repeat(59)}-2026-11-29.tdw.json`)
    expect(workshopFileName('« Atelier » 2026 !', '2026-11-29')).toBe('atelier-2026-2026-11-29.tdw.json')
  })
})

describe('workshop file: round trip', () => {
  it('export then import gives the same workshop; the importer chooses the id and key', () => {
    const result = parseWorkshopFile(text(), find)
    if (!result.ok) throw new Error(result.errors.map(inEnglish).join('\n'))
    expect(result.notes).toEqual([])
    expect(result.value.questionnaire).toBe(mini)
    expect(workshopFromImport(result.value, { id: base.id, questionnaireKey: base.questionnaireKey })).toEqual(base)
    const placed = workshopFromImport(result.value, { id: 'new-id', questionnaireKey: 'file:mini@1.0.0' })
    expect(placed).toMatchObject({ id: 'new-id', questionnaireKey: 'file:mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0' })
    expect(workshopSchema.safeParse(placed).success).toBe(true)
  })

  it('the full questionnaire, 40 participants, names shown: the same after the trip', () => {
    const big = { ...sampleWorkshop(tech, { participants: 40, delegations: 3 }), showNames: true }
    const result = parseWorkshopFile(text(big), find)
    if (!result.ok) throw new Error('refused')
    expect(workshopFromImport(result.value, { id: big.id, questionnaireKey: big.questionnaireKey })).toEqual(big)
  })

  it('a language the questionnaire lacks falls back to English with a note', () => {
    const result = parseWorkshopFile(edited((f) => { f.workshop.locale = 'xx' }), find)
    if (!result.ok) throw new Error('refused')
    expect(result.value.workshop.locale).toBe('en')
    expect(result.notes.map(inEnglish)).toEqual(['workshop.locale: The language “xx” is not available for this questionnaire; “en” is used instead.'])
  })
})

describe('workshop file: refused with a clear message', () => {
  it('never carries the live marker: the export leaves it out, and a file that has one is refused (an imported workshop is never live)', () => {
    const live: Workshop = { ...base, live: { joinCode: 'ABCD2345', joinBases: [], closed: false, spreadAllowed: false } }
    expect('live' in buildWorkshopFile(live, EXPORTED).workshop).toBe(false)
    const errors = refused(edited((file) => { file.workshop.live = { joinCode: 'ABCD2345', joinBases: [], closed: false, spreadAllowed: false } }))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^workshop: .*live/)
  })

  it('too large, checked before reading (in bytes)', () => {
    expect(MAX_WORKSHOP_FILE_BYTES).toBe(20 * 1024 * 1024)
    expect(refused(' '.repeat(MAX_WORKSHOP_FILE_BYTES + 1))).toEqual(['(file): The file is too large (20 MB); the limit is 20 MB.'])
    // 7 million three-byte characters: 21 MB of UTF-8 in 7 million UTF-16 units
    expect(refused(`"${'€'.repeat(7_000_000)}"`)[0]).toMatch(/too large \(20 MB\)/)
  })

  it('empty, not JSON, too deep, not an object', () => {
    expect(refused('')).toEqual(['(file): The file is empty.'])
    expect(refused('{"format": ')[0]).toMatch(/^\(file\): The file is not valid JSON/)
    expect(refused(`${'['.repeat(17)}${']'.repeat(17)}`)).toEqual(['(file): The file nests brackets more than 16 levels deep, which no file of this tool does.'])
    expect(refused('[1, 2]')).toEqual(['(top level): The file holds JSON, but it is not a workshop file.'])
    expect(refused('null')).toEqual(['(top level): The file holds JSON, but it is not a workshop file.'])
    expect(refused('"workshop"')).toEqual(['(top level): The file holds JSON, but it is not a workshop file.'])
    expect(refused('42')).toEqual(['(top level): The file holds JSON, but it is not a workshop file.'])
    expect(refused('%PDF-1.7 x')).toEqual(['(file): This looks like a PDF, not a workshop file.'])
  })

  it('another kind of file says which', () => {
    expect(refused(JSON.stringify({ dimensions: [], indicators: [] }))).toEqual(['(top level): This is a questionnaire file, not a workshop file: open it with “Open a questionnaire file…”.'])
    expect(refused(JSON.stringify({ format: 'tech-diplomacy-assessment', assessment: {} }))).toEqual(['(top level): This is one person\'s answers file, not a workshop file: add it to a workshop as a participant.'])
    expect(refused(JSON.stringify({ format: 'something' }))).toEqual(['format: This is not a workshop file of this tool (it should say “format”: “tech-diplomacy-workshop”).'])
  })

  it('an answers-file import recognises a workshop file', () => {
    const result = parseAssessmentFile(text(), find)
    expect(result.ok ? [] : result.errors.map(inEnglish)).toEqual(['(top level): This is a workshop file, not an answers file: import it as a workshop.'])
  })

  it('a newer format version asks for an update; the current one and an older number are read by the schema', () => {
    expect(refused(edited((f) => { f.schemaVersion = 2 }))).toEqual(['schemaVersion: The file was made by a newer version of this tool (file format 2; this version reads format 1). Update the tool to open it.'])
    expect(WORKSHOP_FILE_SCHEMA_VERSION).toBe(1)
    expect(refused(edited((f) => { f.schemaVersion = 0 }))[0]).toMatch(/^schemaVersion: /)
    // a number written as text is not a newer version, just a wrong value
    expect(refused(edited((f) => { f.schemaVersion = '2' }))[0]).toMatch(/^schemaVersion: (?!The file was made by a newer)/)
    expect(WORKSHOP_FILE_FORMAT).toBe('tech-diplomacy-workshop')
  })

  it('forbidden keys anywhere, with their path', () => {
    const input = text().replace('"showNames": false', '"showNames": false, "__proto__": {"polluted": true}')
    expect(refused(input)).toEqual(['workshop.__proto__: The field name “__proto__” is not allowed.'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('schema problems name their path', () => {
    expect(refused(edited((f) => { f.workshop.delegations[0].participants[1].number = 0 }))).toEqual(['workshop.delegations[0].participants[1].number: The number is too small (at least 1).'])
    expect(refused(edited((f) => { f.workshop.title = ' ' }))).toEqual(['workshop.title: A required value is missing.'])
    expect(refused(edited((f) => { f.workshop.delegations = [] }))[0]).toMatch(/^workshop.delegations: Too few entries/)
    expect(refused(edited((f) => { f.workshop.extra = 1 }))[0]).toMatch(/^workshop: Unknown field name\(s\): "extra"/)
    expect(refused(edited((f) => { f.workshop.questionnaireKey = 'mini@1.0.0' }))[0]).toMatch(/Unknown field name\(s\): "questionnaireKey"/)
  })

  it('an unavailable questionnaire names it and the ones available', () => {
    expect(refused(edited((f) => { f.questionnaire.version = '9.9.9' }))).toEqual([
      'questionnaire: This workshop uses the questionnaire “mini” version 9.9.9, which is not available here (available: mini 1.0.0, tech-diplomacy 1.1.0). Open that questionnaire file first, then import again.',
    ])
    const none = parseWorkshopFile(edited((f) => { f.questionnaire.id = 'other' }), () => undefined)
    expect(none.ok ? [] : none.errors.map(inEnglish)[0]).toMatch(/\(available: —\)/)
  })

  it('participants\' answers checked against the questionnaire', () => {
    const lines = refused(edited((f) => {
      const answers = f.workshop.delegations[1].participants[2].answers
      answers.zz = { kind: 'dont_know', evidence: '', updatedAt: EXPORTED }
      answers.a2 = { kind: 'level', level: 6, confidence: 'self-declared', evidence: 'x', updatedAt: EXPORTED }
      answers.a1 = { kind: 'not_applicable', evidence: '', updatedAt: EXPORTED }
    }))
    const at = 'workshop.delegations[1].participants[2].answers'
    expect(lines.sort()).toEqual([
      `${at}.a1.kind: “Not applicable” is not allowed for the indicator a1.`,
      `${at}.a2.level: Level 6 is above the top level 5.`,
      `${at}.zz: Unknown indicator “zz” for the questionnaire mini 1.0.0.`,
    ].sort())
  })

  it('consensus: unknown indicator, level above the top, not applicable where not allowed', () => {
    const at = 'workshop.delegations[0].consensus'
    const lines = refused(edited((f) => {
      const consensus = f.workshop.delegations[0].consensus
      consensus.a1 = { choice: { kind: 'not_applicable' }, note: '', discussed: true, updatedAt: EXPORTED }
      consensus.a2 = { choice: { kind: 'level', level: 6 }, note: '', discussed: true, updatedAt: EXPORTED }
      consensus.zz = { note: 'x', discussed: false, updatedAt: EXPORTED }
      consensus.a3 = { choice: { kind: 'not_applicable' }, note: '', discussed: true, updatedAt: EXPORTED }
      consensus.b1 = { choice: { kind: 'level', level: 5 }, note: '', discussed: true, updatedAt: EXPORTED }
      consensus.b2 = { choice: { kind: 'dont_know' }, note: '', discussed: true, updatedAt: EXPORTED }
      consensus.b3 = { note: 'Only a note', discussed: false, updatedAt: EXPORTED }
    }))
    expect(lines.sort()).toEqual([
      `${at}.a1.choice.kind: “Not applicable” is not allowed for the indicator a1.`,
      `${at}.a2.choice.level: Level 6 is above the top level 5.`,
      `${at}.zz: Unknown indicator “zz” for the questionnaire mini 1.0.0.`,
    ].sort())
  })

  it('duplicate delegation ids, participant ids and numbers', () => {
    const lines = refused(edited((f) => {
      f.workshop.delegations[1].id = f.workshop.delegations[0].id
      f.workshop.delegations[1].participants[3].id = f.workshop.delegations[1].participants[0].id
      f.workshop.delegations[1].participants[2].number = 2
    }))
    expect(lines).toEqual([
      'workshop.delegations[1].id: The id “del-1” is used twice (first at workshop.delegations[0]).',
      'workshop.delegations[1].participants[2].number: Participant number 2 is used twice (first at workshop.delegations[1].participants[1]).',
      'workshop.delegations[1].participants[3].id: The id “d2-p1” is used twice (first at workshop.delegations[1].participants[0]).',
    ])
  })

  it('roadmap edits checked like an answers file\'s', () => {
    const lines = refused(edited((f) => {
      f.workshop.delegations[0].roadmap.targets = { alpha: 6, zeta: 2 }
      f.workshop.delegations[0].roadmap.custom = [{ id: 'c1', dimensionId: 'omega', title: 'Own', description: '', horizon: '0-6m' }]
    }))
    expect(lines).toEqual([
      'workshop.delegations[0].roadmap.targets.alpha: The target 6 is above the top level 5.',
      'workshop.delegations[0].roadmap.targets.zeta: Unknown dimension “zeta”.',
      'workshop.delegations[0].roadmap.custom[0].dimensionId: Unknown dimension “omega”.',
    ])
  })
})
