import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { answersToCsv, type AnswersCsvLabels } from '@/domain/answers-csv'
import type { Answers, Assessment } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import { emptyProfile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'
import { resultsToCsv, type ResultsCsvLabels } from '@/domain/results-csv'
import type { AssessmentResult, DimensionResult } from '@/domain/scoring'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
/**
 * mini: dimensions alpha ("Alpha mandate" / "Mandat alpha") with a1–a3, beta ("Beta outreach") with b1–b3;
 * levels 0 Absent, 1 Ad hoc, 2 Emerging (fr Émergent), 3 Established, 4 Strategic, 5 Leading.
 */
const q: Questionnaire = checked.questionnaire
const T = '2026-11-23T10:00:00.000Z'

const answerLabels: AnswersCsvLabels = {
  dimension: 'Dimension', indicator: 'Indicator', question: 'Question', answer: 'Answer', level: 'Level', levelName: 'Level name',
  confidence: 'Confidence', evidence: 'Evidence', updated: 'Updated', dontKnow: 'Don\'t know', notApplicable: 'Not applicable', unanswered: 'unanswered',
  confidences: { 'self-declared': 'self-declared', 'document-backed': 'document-backed' },
}

function assessmentWith(answers: Answers): Assessment {
  return {
    id: 'x', questionnaireKey: 'k', questionnaireId: q.id, questionnaireVersion: q.version, locale: 'en', profile: emptyProfile('2026-11-23'),
    answers, position: { view: 'results' }, roadmap: { targets: {}, dropped: [], details: {}, placements: {}, custom: [] }, createdAt: T, updatedAt: T,
  }
}
const rowsOf = (csv: string) => csv.trimEnd().split('\r\n')

describe('answersToCsv', () => {
  it('writes the column headings in the order given by the labels', () => {
    expect(rowsOf(answersToCsv(q, assessmentWith({}), 'en', answerLabels))[0]).toBe('Dimension,Indicator,Question,Answer,Level,Level name,Confidence,Evidence,Updated')
  })

  it('writes "not applicable" with its evidence note and date, and no level', () => {
    const rows = rowsOf(answersToCsv(q, assessmentWith({ a3: { kind: 'not_applicable', evidence: 'No such body', updatedAt: T } }), 'en', answerLabels))
    expect(rows[3]).toBe(`Alpha mandate,a3,Question alpha 3?,Not applicable,,,,No such body,${T}`)
  })

  it('writes "don\'t know" with the word for it, not "not applicable"', () => {
    const rows = rowsOf(answersToCsv(q, assessmentWith({ b1: { kind: 'dont_know', evidence: '', updatedAt: T } }), 'en', answerLabels))
    expect(rows[4]).toBe(`Beta outreach,b1,Question beta 1?,Don't know,,,,,${T}`)
  })

  it('writes a level answer in English with the English level name', () => {
    const rows = rowsOf(answersToCsv(q, assessmentWith({ b2: { kind: 'level', level: 0, confidence: 'document-backed', evidence: 'Memo', updatedAt: T } }), 'en', answerLabels))
    expect(rows[5]).toBe(`Beta outreach,b2,Question beta 2?,0 · Absent,0,Absent,document-backed,Memo,${T}`)
  })

  it('writes the confidence key itself when the labels have no word for it', () => {
    const rows = rowsOf(answersToCsv(q, assessmentWith({ a1: { kind: 'level', level: 1, confidence: 'externally-validated', evidence: '', updatedAt: T } }), 'en', answerLabels))
    expect(rows[1]!.split(',')[6]).toBe('externally-validated')
  })

  it('writes just the number, with an empty level name, for a level outside the scale', () => {
    const rows = rowsOf(answersToCsv(q, assessmentWith({ a1: { kind: 'level', level: 9, confidence: 'self-declared', evidence: 'x', updatedAt: T } }), 'en', answerLabels))
    expect(rows[1]).toBe(`Alpha mandate,a1,Question alpha 1?,9,9,,self-declared,x,${T}`)
  })

  it('names the dimension by its id when the questionnaire has no such dimension', () => {
    const orphan: Questionnaire = { ...q, indicators: [{ ...q.indicators[0]!, dimension: 'gamma' }] }
    expect(rowsOf(answersToCsv(orphan, assessmentWith({}), 'en', answerLabels))[1]).toBe('gamma,a1,Question alpha 1?,unanswered,,,,,')
  })
})

const resultLabels: ResultsCsvLabels = {
  dimension: 'Dimension', score: 'Score', stage: 'Stage', stageName: 'Stage name', unconfirmed: 'Unconfirmed', gaps: 'Gaps', answered: 'Answered', yes: 'yes', overall: 'Overall',
  overallStage: 'Overall stage', index: 'Index (0–100)', date: 'Assessment date', questionnaire: 'Questionnaire', questionnaireVersion: 'Questionnaire version',
}
/** The table's rows, after the five headline rows and the empty row that separates them from it. */
const tableOf = (csv: string) => rowsOf(csv).slice(6)
function dimensionResult(dimensionId: string, values: Partial<DimensionResult>): DimensionResult {
  return { dimensionId, score: null, stage: null, unconfirmed: false, gaps: [], holdingBack: [], strengths: [], answered: 0, total: 3, indicators: [], ...values }
}
function resultWith(alpha: Partial<DimensionResult>, beta: Partial<DimensionResult>, overall: Partial<AssessmentResult> = {}): AssessmentResult {
  return {
    dimensions: [dimensionResult('alpha', alpha), dimensionResult('beta', beta)],
    index: null, medianStage: 0, overallStage: 0, cap: null, completeness: 0, answered: 0, total: 6, confidence: null, gaps: [], provisional: true, ...overall,
  }
}

describe('resultsToCsv', () => {
  it('writes the headings, one row per dimension and the overall row', () => {
    const csv = resultsToCsv(q, resultWith({ score: 2.25, stage: 2, answered: 3 }, { score: 1, stage: 1, answered: 3 }, { index: 38.33, overallStage: 1, answered: 6 }), 'en', resultLabels)
    const rows = tableOf(csv)
    expect(rows).toHaveLength(4)
    expect(rows[0]).toBe('Dimension,Score,Stage,Stage name,Unconfirmed,Gaps,Answered')
  })

  it('leads with the headline as name–value rows: overall stage and its name, index, date, questionnaire and version, then an empty row', () => {
    const csv = resultsToCsv(q, resultWith({}, {}, { index: 38.33, overallStage: 1 }), 'en', resultLabels, ',', '2026-11-20')
    expect(rowsOf(csv).slice(0, 7)).toEqual([
      'Overall stage,1,Ad hoc',
      'Index (0–100),38.3',
      'Assessment date,2026-11-20',
      'Questionnaire,Mini test questionnaire',
      'Questionnaire version,1.0.0',
      '',
      'Dimension,Score,Stage,Stage name,Unconfirmed,Gaps,Answered',
    ])
  })

  it('words the headline in the assessment\'s language, with an empty index when there is none and no date when none is given', () => {
    const rows = rowsOf(resultsToCsv(q, resultWith({}, {}, { index: null, overallStage: 2 }), 'fr', resultLabels))
    expect(rows.slice(0, 4)).toEqual(['Overall stage,2,Émergent', 'Index (0–100),', 'Assessment date,', 'Questionnaire,Mini-questionnaire de test'])
  })

  it('writes a dimension score to one decimal, its stage and the stage name in the chosen language', () => {
    const rows = tableOf(resultsToCsv(q, resultWith({ score: 2.25, stage: 2, answered: 3 }, {}), 'fr', resultLabels))
    expect(rows[1]).toBe(`Mandat alpha,2.3,2,Émergent,,0,3/3`)
  })

  it('leaves score, stage and stage name empty for a dimension without them', () => {
    const rows = tableOf(resultsToCsv(q, resultWith({}, { answered: 1 }), 'en', resultLabels))
    expect(rows[2]).toBe('Beta outreach,,,,,0,1/3')
  })

  it('writes no row for a dimension the result does not hold', () => {
    const result = resultWith({ score: 2.25, stage: 2, answered: 3 }, {})
    const rows = tableOf(resultsToCsv(q, { ...result, dimensions: result.dimensions.slice(0, 1) }, 'en', resultLabels))
    expect(rows.map(row => row.split(',')[0])).toEqual(['Dimension', 'Alpha mandate', 'Overall'])
  })

  it('writes a stage of 0 and its name (0 is a stage, not a missing one)', () => {
    const rows = tableOf(resultsToCsv(q, resultWith({ score: 0, stage: 0 }, {}), 'en', resultLabels))
    expect(rows[1]).toBe('Alpha mandate,0.0,0,Absent,,0,0/3')
  })

  it('marks an unconfirmed stage with the word for yes and counts the gaps', () => {
    const rows = tableOf(resultsToCsv(q, resultWith({ score: 1, stage: 2, unconfirmed: true, gaps: ['a2', 'a3'], answered: 3 }, {}), 'en', resultLabels))
    expect(rows[1]).toBe(`Alpha mandate,1.0,2,Emerging,yes,2,3/3`)
  })

  it('writes the overall index to one decimal, the overall stage and name, all gaps and the answered count', () => {
    const rows = tableOf(resultsToCsv(q, resultWith({}, {}, { index: 51.666, overallStage: 1, gaps: ['a2', 'b1', 'b3'], answered: 5 }), 'en', resultLabels))
    expect(rows[3]).toBe(`Overall,51.7,1,Ad hoc,,3,5/6`)
  })

  it('leaves the stage name empty for a stage the scale does not name', () => {
    const rows = tableOf(resultsToCsv(q, resultWith({ score: 4, stage: 9 }, {}), 'en', resultLabels))
    expect(rows[1]).toBe('Alpha mandate,4.0,9,,,0,0/3')
  })

  it('leaves the overall index empty when there is none', () => {
    const rows = tableOf(resultsToCsv(q, resultWith({}, {}, { index: null, overallStage: 0 }), 'en', resultLabels))
    expect(rows[3]).toBe('Overall,,0,Absent,,0,0/6')
  })
})
