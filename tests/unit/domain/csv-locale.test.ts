import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { answersToCsv, type AnswersCsvLabels } from '@/domain/answers-csv'
import type { Assessment } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import { csvDecimal, csvSeparatorFor, localTimestamp, toCsv } from '@/domain/csv'
import { emptyProfile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'
import { emptyRoadmapEdits } from '@/domain/roadmap'
import { resultsToCsv } from '@/domain/results-csv'
import type { AssessmentResult } from '@/domain/scoring'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const q: Questionnaire = checked.questionnaire

describe('csvSeparatorFor', () => {
  it.each([['fr', ';'], ['fr-CA', ';'], ['es', ';'], ['pt-BR', ';'], ['de', ';'], ['en', ','], ['en-GB', ','], ['zh', ','], ['not a locale!', ',']])('%s → "%s"', (locale, separator) => {
    expect(csvSeparatorFor(locale)).toBe(separator)
  })
})

describe('toCsv with a separator', () => {
  it('quotes a cell holding the separator in use, and only that one', () => {
    expect(toCsv([['a;b', 'c,d']], ';')).toBe('"a;b";c,d\r\n')
    expect(toCsv([['a;b', 'c,d']], ',')).toBe('a;b,"c,d"\r\n')
    expect(toCsv([['a;b', 'c,d']])).toBe('a;b,"c,d"\r\n')
  })
})

describe('csvDecimal', () => {
  it('writes the decimal mark that goes with the separator', () => {
    expect(csvDecimal(2.34, 1, ';')).toBe('2,3')
    expect(csvDecimal(2.36, 1, ',')).toBe('2.4')
    expect(csvDecimal(80, 1, ';')).toBe('80,0')
  })
})

describe('localTimestamp', () => {
  const T = '2026-11-23T10:00:00.000Z'
  it.each([
    ['Europe/Paris', '2026-11-23 11:00 UTC+01:00'],
    ['UTC', '2026-11-23 10:00 UTC+00:00'],
    ['Asia/Kolkata', '2026-11-23 15:30 UTC+05:30'],
    ['Pacific/Guadalcanal', '2026-11-23 21:00 UTC+11:00'],
    ['America/New_York', '2026-11-23 05:00 UTC-05:00'],
  ])('in %s: %s', (zone, expected) => {
    expect(localTimestamp(T, zone)).toBe(expected)
  })
  it('moves to the next day after local midnight, written 00:30 not 24:30', () => {
    expect(localTimestamp('2026-11-23T23:30:00Z', 'Europe/Paris')).toBe('2026-11-24 00:30 UTC+01:00')
  })
  it('follows summer time', () => {
    expect(localTimestamp('2026-07-01T10:00:00Z', 'Europe/Paris')).toBe('2026-07-01 12:00 UTC+02:00')
  })
  it('leaves text that is not a timestamp, or an unknown zone, as it was', () => {
    expect(localTimestamp('yesterday', 'Europe/Paris')).toBe('yesterday')
    expect(localTimestamp('', 'Europe/Paris')).toBe('')
    expect(localTimestamp(T, 'Mars/Olympus_Mons')).toBe(T)
  })
})

const labels: AnswersCsvLabels = {
  dimension: 'Dimension', indicator: 'Indicateur', question: 'Question', answer: 'Réponse', level: 'Niveau', levelName: 'Nom du niveau',
  confidence: 'Confiance', evidence: 'Justificatif', updated: 'Modifié', dontKnow: 'Ne sait pas', notApplicable: 'Sans objet', unanswered: 'sans réponse',
  confidences: { 'document-backed': 'étayé par des documents' },
}

describe('answers and results CSV for a French spreadsheet', () => {
  it('separates answers with ";" and writes when each answer changed in local time with the zone', () => {
    const assessment: Assessment = {
      id: 'x', questionnaireKey: 'k', questionnaireId: q.id, questionnaireVersion: q.version, locale: 'fr', profile: emptyProfile('2026-11-23'),
      answers: { a1: { kind: 'level', level: 2, confidence: 'document-backed', evidence: 'Note; 3 mars', updatedAt: '2026-11-23T10:00:00.000Z' } },
      position: { view: 'results' }, roadmap: emptyRoadmapEdits(), createdAt: '', updatedAt: '',
    }
    const rows = answersToCsv(q, assessment, 'fr', labels, { separator: ';', timeZone: 'Europe/Paris' }).split('\r\n')
    expect(rows[0]).toBe('Dimension;Indicateur;Question;Réponse;Niveau;Nom du niveau;Confiance;Justificatif;Modifié')
    expect(rows[1]).toBe('Mandat alpha;a1;Question alpha 1 ?;2 · Émergent;2;Émergent;étayé par des documents;"Note; 3 mars";2026-11-23 11:00 UTC+01:00')
  })

  it('writes scores with a decimal comma when the separator is ";"', () => {
    const result: AssessmentResult = {
      dimensions: [
        { dimensionId: 'alpha', score: 1.5, stage: 1, unconfirmed: false, gaps: [], holdingBack: [], strengths: [], answered: 3, total: 3, indicators: [] },
        { dimensionId: 'beta', score: null, stage: null, unconfirmed: false, gaps: [], holdingBack: [], strengths: [], answered: 0, total: 3, indicators: [] },
      ],
      index: 15, medianStage: 0, overallStage: 0, cap: null, completeness: 0.5, answered: 3, total: 6, confidence: null, gaps: [], provisional: true,
    }
    const labels = {
      dimension: 'Dimension', score: 'Score', stage: 'Stade', stageName: 'Nom', unconfirmed: 'Non confirmé', gaps: 'Lacunes', answered: 'Réponses', yes: 'oui', overall: 'Ensemble',
      overallStage: 'Stade global', index: 'Indice (0–100)', date: 'Date de l\'évaluation', questionnaire: 'Questionnaire', questionnaireVersion: 'Version du questionnaire',
    }
    const rows = resultsToCsv(q, result, 'fr', labels, ';', '2026-11-23').split('\r\n')
    expect(rows.slice(0, 6)).toEqual(['Stade global;0;Inexistant', 'Indice (0–100);15,0', 'Date de l\'évaluation;2026-11-23', 'Questionnaire;Mini-questionnaire de test', 'Version du questionnaire;1.0.0', ''])
    expect(rows[7]).toBe('Mandat alpha;1,5;1;Ponctuel;;0;3/3')
    expect(rows[9]).toBe('Ensemble;15,0;0;Inexistant;;0;3/6')
  })
})
