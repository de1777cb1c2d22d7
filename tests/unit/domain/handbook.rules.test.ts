import { describe, expect, it } from 'vitest'
import { renderHandbook, type HandbookLabels } from '@/domain/handbook'
import type { Action, Questionnaire } from '@/domain/questionnaire'

const en = (text: string) => ({ en: text })

const mandateEarly: Action = {
  id: 'm-early', dimension: 'm', steps: [{ from: 0, to: 1 }, { from: 1, to: 2 }], indicators: [], title: en('Write the mandate'), description: en('Draft it.'),
  horizon: '0-6m', effort: 'low', owner: en('Minister'), sources: ['R1'],
  variants: { ldc: { title: en('Borrow a mandate'), description: en('Adapt a neighbour\'s.') }, sids: { description: en('Share it regionally.') } },
}
const mandateLate: Action = {
  id: 'm-late', dimension: 'm', steps: [{ from: 1, to: 2 }], indicators: [], title: en('Fund | staff'), description: en('Two\nlines.'),
  horizon: '6-18m', effort: 'high', owner: en('Treasury'), sources: [], variants: {},
}

/** A questionnaire small enough that the whole handbook can be written out by hand below. */
const tiny: Questionnaire = {
  schemaVersion: 1, id: 'tiny', version: '2.1.0', title: { en: 'Tiny', fr: 'Petit' }, description: en('About tiny.'), instructions: [], migrations: [], locales: ['en', 'fr'],
  sources: [{ id: 'R1', title: en('Report one'), url: 'https://example.org/r1' }, { id: 'S2', title: en('Study two'), note: en('Draft') }],
  levels: [
    { level: 0, label: en('None'), descriptor: en('Nothing | yet') },
    { level: 1, label: en('Some'), descriptor: en('Line one\nline two') },
    { level: 2, label: en('Full'), descriptor: en('All.') },
  ],
  dimensions: [
    { id: 'm', title: en('Mandate'), description: en('The mandate.'), weight: 2, sources: [], dependsOn: [] },
    { id: 'p', title: en('People'), description: en('The people.'), weight: 1, sources: ['R1', 'S2'], dependsOn: ['m', 'ghost'] },
  ],
  indicators: [
    { id: 'm1', dimension: 'm', question: en('Is there a mandate?'), guidance: en('Look for a decree.'), descriptors: [en('No'), en('Draft'), en('Adopted')], weight: 1, evidenceRequiredFrom: 2, allowNotApplicable: false, sources: [] },
    { id: 'p1', dimension: 'p', question: en('Staff?'), guidance: en('Count them.'), descriptors: [en('None'), en('One'), en('Team'), en('Beyond')], weight: 1, evidenceRequiredFrom: 1, allowNotApplicable: true, sources: ['S2'] },
  ],
  actions: [mandateLate, mandateEarly],
  scoring: { gatingRules: [], smallServiceMissionThreshold: 30, maxActionsPerHorizon: 10 },
  archetypes: [{ id: 'arch', title: en('Starter'), description: en('A starting ministry.'), illustrative: true, scores: { m: 1 } }],
}

const labels: HandbookLabels = {
  title: 'Handbook', version: 'Questionnaire {id}, version {version}', howToUseHeading: 'How to use', howToUse: ['First.', 'Second.'], readingRulesHeading: 'Reading rules', levelsHeading: 'Levels',
  level: 'Level', meaning: 'Meaning', dimension: 'Dimension {n}', weight: 'Weight', dependsOn: 'Depends on', guidance: 'Guidance',
  evidenceRequired: 'Evidence from level {level}.', notApplicableAllowed: '"Not applicable" allowed.', tick: 'Tick', answer: 'Answer', dontKnow: 'Don\'t know',
  notApplicable: 'Not applicable', confidence: 'Confidence', selfDeclared: 'Self-declared', documentBacked: 'Document-backed', externallyValidated: 'Externally validated',
  evidenceNote: 'Evidence note', actionsHeading: 'Actions: {dimension}', step: 'Step', action: 'Action', horizon: 'Horizon', effort: 'Effort', owner: 'Owner',
  sources: 'Sources', variant: 'Variant {name}', horizons: { '0-6m': '0–6 months' }, efforts: { low: 'Low' }, variants: { ldc: 'LDC' },
  archetypesHeading: 'Archetypes', archetypesNote: 'Illustrative only.', sourcesHeading: 'Sources cited', none: 'none', colon: ': ',
}

const LINE = '________________________________________________'
const expected = [
  '# Tiny — Handbook', '',
  '*Questionnaire tiny, version 2.1.0*', '',
  'About tiny.', '',
  '## How to use', '',
  'First.', '',
  'Second.', '',
  '## Levels', '',
  '| Level | Meaning |', '| --- | --- |',
  '| 0 · None | Nothing \\| yet |',
  '| 1 · Some | Line one line two |',
  '| 2 · Full | All. |',
  '',
  '## Dimension 1 — Mandate', '',
  'The mandate.', '',
  'Weight: 2 · Depends on: none · Sources: none', '',
  '### m1 — Is there a mandate?', '',
  '**Guidance.** Look for a decree.', '',
  '*Evidence from level 2.*', '',
  '| Tick | Level | Meaning |', '| --- | --- | --- |',
  '| ☐ | 0 · None | No |',
  '| ☐ | 1 · Some | Draft |',
  '| ☐ | 2 · Full | Adopted |',
  '',
  '**Answer**: Level ____ ☐ Don\'t know  ',
  '**Confidence**: ☐ Self-declared ☐ Document-backed ☐ Externally validated  ',
  `**Evidence note**: ${LINE}`, '',
  '### Actions: Mandate', '',
  '| Step | Action | Horizon | Effort | Owner | Sources |',
  '| --- | --- | --- | --- | --- | --- |',
  '| 0→1, 1→2 | **Write the mandate** — Draft it.<br>*Variant LDC*: Borrow a mandate: Adapt a neighbour\'s.<br>*Variant sids*: Share it regionally. | 0–6 months | Low | Minister | [R1] |',
  '| 1→2 | **Fund \\| staff** — Two lines. | 6-18m | high | Treasury | none |',
  '',
  '## Dimension 2 — People', '',
  'The people.', '',
  'Weight: 1 · Depends on: Mandate, ghost · Sources: [R1] [S2]', '',
  '### p1 — Staff?', '',
  '**Guidance.** Count them.', '',
  '*Evidence from level 1. "Not applicable" allowed.*', '',
  '| Tick | Level | Meaning |', '| --- | --- | --- |',
  '| ☐ | 0 · None | None |',
  '| ☐ | 1 · Some | One |',
  '| ☐ | 2 · Full | Team |',
  '| ☐ | 3 | Beyond |',
  '',
  '**Answer**: Level ____ ☐ Don\'t know ☐ Not applicable  ',
  '**Confidence**: ☐ Self-declared ☐ Document-backed ☐ Externally validated  ',
  `**Evidence note**: ${LINE}`, '',
  'Sources: [S2]', '',
  '## Archetypes', '',
  '*Illustrative only.*', '',
  '| | Mandate | People |',
  '| --- | --- | --- |',
  '| **Starter** | 1 | — |',
  '',
  '- **Starter.** A starting ministry.',
  '',
  '## Sources cited', '',
  '- **[R1]** Report one <https://example.org/r1>',
  '- **[S2]** Study two — *Draft*',
  '',
].join('\n')

describe('renderHandbook', () => {
  it('writes the whole handbook of a tiny questionnaire as worked out by hand', () => {
    expect(renderHandbook(tiny, 'en', labels)).toBe(expected)
  })

  it('writes the questionnaire\'s reading rules after the general advice, under their own heading', () => {
    const withRules = { ...tiny, instructions: [{ en: 'Answer for the ministry as a whole.', fr: 'Répondez pour le ministère dans son ensemble.' }, en('Pick the highest level fully met.')] }
    const lines = renderHandbook(withRules, 'fr', labels).split('\n')
    const at = lines.indexOf('## Reading rules')
    expect(lines.slice(at - 2, at + 6)).toEqual(['Second.', '', '## Reading rules', '', 'Répondez pour le ministère dans son ensemble.', '', 'Pick the highest level fully met.', ''])
    const withoutHeading: HandbookLabels = { ...labels, readingRulesHeading: undefined }
    expect(renderHandbook(withRules, 'en', withoutHeading).split('\n').filter(line => line === '## How to use')).toHaveLength(2)
  })

  it('uses the requested language and falls back to English', () => {
    expect(renderHandbook(tiny, 'fr', labels).split('\n')[0]).toBe('# Petit — Handbook')
  })

  it('puts the colon of the language between a label and its value', () => {
    expect(renderHandbook(tiny, 'en', { ...labels, colon: ' : ' })).toContain('Weight : 2 · Depends on : none · Sources : none')
  })

  it('orders a dimension\'s actions by their lowest step, whatever the file order', () => {
    const out = renderHandbook(tiny, 'en', labels)
    expect(out.indexOf('**Write the mandate**')).toBeLessThan(out.indexOf('**Fund \\| staff**'))
  })

  it('leaves out the archetype section when there are none', () => {
    expect(renderHandbook({ ...tiny, archetypes: [] }, 'en', labels)).not.toContain('## Archetypes')
  })

  it('leaves out the actions table of a dimension without actions', () => {
    expect(renderHandbook(tiny, 'en', labels)).not.toContain('### Actions: People')
  })
})
