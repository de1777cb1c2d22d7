import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkQuestionnaireText } from '@/domain/check'
import type { LocalizedText, Questionnaire } from '@/domain/questionnaire'

function load(name: string): Questionnaire {
  const result = checkQuestionnaireText(readFileSync(new URL(`../../questionnaires/${name}`, import.meta.url), 'utf8'))
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.questionnaire
}
const q = load('tech-diplomacy.json')
const old = load('tech-diplomacy-1.0.0.json')
const indicator = (id: string) => q.indicators.find(i => i.id === id)!
const both = (text: LocalizedText) => [text.en, text.fr ?? '']

describe('questionnaire 1.1.0: what the raters hesitated on is settled in the text', () => {
  it('is version 1.1.0, with 1.0.0 kept beside it', () => {
    expect([q.id, q.version, old.id, old.version]).toEqual(['tech-diplomacy', '1.1.0', 'tech-diplomacy', '1.0.0'])
  })

  it('states the two reading rules at the top, in English and French', () => {
    const [en, fr] = [q.instructions!.map(p => p.en).join(' '), q.instructions!.map(p => p.fr ?? '').join(' ')]
    expect(en).toMatch(/Rule 1, when to choose “Don't know”/)
    expect(en).toMatch(/Rule 2, when an element of a lower level is not mentioned/)
    expect(fr).toMatch(/Règle 1, quand choisir « Ne sait pas »/)
    expect(fr).toMatch(/Règle 2, lorsqu'un élément d'un niveau inférieur n'est pas mentionné/)
  })

  it.each([
    ['I8.4', 2, /at least the gender/, /au minimum le genre/],
    ['I1.2', 4, /presidential decree/, /décret présidentiel/],
    ['I2.4', 5, /checked at least once a year/, /vérifiés au moins une fois par an/],
    ['I3.3', 2, /either one is enough/, /l'un ou l'autre suffit/],
    ['I6.1', 4, /informal consultation/, /consultation informelle/],
    ['I6.1', 5, /formally set up by the forum/, /formellement institué par l'enceinte/],
    ['I7.3', 3, /beyond connectivity/, /au-delà de la connectivité/],
    ['I5.3', 1, /Only the general civil-service rules/, /Seules s'appliquent les règles générales/],
    ['I6.2', 1, /ICT ministry or the regulator usually holds the membership/, /ministère chargé du numérique ou du régulateur/],
  ] as const)('%s level %i says it plainly', (id, level, en, fr) => {
    const [textEn, textFr] = both(indicator(id).descriptors[level]!)
    expect(textEn).toMatch(en)
    expect(textFr).toMatch(fr)
  })

  it.each([
    ['I7.3', /submarine/, /câbles sous-marins/],
    ['I6.2', /does not by itself reach level 2/, /ne suffit pas pour le niveau 2/],
    ['I5.3', /level 2 needs that written reminder/, /le niveau 2 exige ce rappel écrit/],
    ['I4.2', /pooled mission/, /mission mutualisée/],
    ['I6.3', /Reporting by a pooled mission/, /Les comptes rendus d'une mission mutualisée/],
    ['I8.2', /Reporting by a pooled mission/, /Les comptes rendus d'une mission mutualisée/],
  ] as const)('%s guidance settles the hesitation', (id, en, fr) => {
    const [textEn, textFr] = both(indicator(id).guidance)
    expect(textEn).toMatch(en)
    expect(textFr).toMatch(fr)
  })

  it('offers "Not applicable" for diaspora engagement (I5.4), and its guidance says when', () => {
    expect(indicator('I5.4').allowNotApplicable).toBe(true)
    expect(indicator('I5.4').guidance.en).toMatch(/Choose “Not applicable” only when/)
    expect(indicator('I5.4').guidance.fr).toMatch(/Ne choisissez « Sans objet » que si/)
    expect(old.indicators.filter(i => i.allowNotApplicable)).toEqual([])
  })

  it('names no tech diplomacy focal point as owner without saying who acts until one is named', () => {
    const owners = q.actions.flatMap(a => [a.owner, ...Object.values(a.variants).flatMap(v => (v.owner ? [v.owner] : []))])
    const bare = owners.filter(o => /focal point/i.test(o.en) && !/\bor\b/.test(o.en))
    expect(bare).toEqual([])
    expect(old.actions.filter(a => a.owner.en === 'Tech diplomacy focal point').length).toBeGreaterThan(0)
  })

  it('has adapted variant texts that read on their own', () => {
    const variants = q.actions.flatMap(a => Object.values(a.variants).map(v => [a.id, v.description] as const))
    const leaning = variants.filter(([, d]) => /same census|^(Keep it|Limit this)\b/i.test(d.en) || /même recensement|^S'en tenir à un noyau/.test(d.fr ?? ''))
    expect(leaning.map(([id]) => id)).toEqual([])
  })
})
