import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { answersToCsv, type AnswersCsvLabels } from '@/domain/answers-csv'
import { applyAnswerChange, createAssessment } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import { toCsv } from '@/domain/csv'
import { emptyProfile } from '@/domain/profile'

describe('toCsv', () => {
  it('quotes fields with commas, quotes or line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'plain']])).toBe('"a,b","say ""hi""","two\nlines",plain\r\n')
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'ok']])).toBe('"\'=HYPERLINK(""x"")",\'+1,\'-2,\'@SUM(A1),ok\r\n')
  })

  it('leaves numbers alone', () => {
    expect(toCsv([[-3, 4.5]])).toBe('-3,4.5\r\n')
  })
})

describe('answersToCsv', () => {
  const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
  if (!checked.ok) throw new Error('fixture invalid')
  const q = checked.questionnaire
  const labels: AnswersCsvLabels = {
    dimension: 'Dimension', indicator: 'Indicateur', question: 'Question', answer: 'Réponse', level: 'Niveau', levelName: 'Nom du niveau',
    confidence: 'Confiance', evidence: 'Justificatif', updated: 'Modifié', dontKnow: 'Ne sait pas', notApplicable: 'Sans objet', unanswered: 'sans réponse',
    confidences: { 'self-declared': 'déclaratif', 'document-backed': 'étayé', 'externally-validated': 'validé' },
  }
  const now = '2026-11-23T10:00:00.000Z'
  let answers = applyAnswerChange({}, 'a1', { kind: 'level', level: 3 }, now)
  answers = applyAnswerChange(answers, 'a1', { evidence: 'Décret, 2025' }, now)
  answers = applyAnswerChange(answers, 'a2', { kind: 'dont_know' }, now)
  const assessment = { ...createAssessment({ id: 'x', questionnaireKey: 'k', questionnaire: q, locale: 'fr', profile: emptyProfile('2026-11-23'), now }), answers }
  const lines = answersToCsv(q, assessment, 'fr', labels).trimEnd().split('\r\n')

  it('has a header and one row per indicator', () => {
    expect(lines).toHaveLength(1 + q.indicators.length)
    expect(lines[0]).toBe('Dimension,Indicateur,Question,Réponse,Niveau,Nom du niveau,Confiance,Justificatif,Modifié')
  })

  it('writes a level answer with its name, confidence and evidence in the chosen language', () => {
    expect(lines[1]).toBe(`Mandat alpha,a1,Question alpha 1 ?,3 · Établi,3,Établi,déclaratif,"Décret, 2025",${now}`)
  })

  it('writes "don\'t know" and unanswered rows', () => {
    expect(lines[2]).toBe(`Mandat alpha,a2,Question alpha 2 ?,Ne sait pas,,,,,${now}`)
    expect(lines[3]).toBe('Mandat alpha,a3,Question alpha 3 ?,sans réponse,,,,,')
  })
})
