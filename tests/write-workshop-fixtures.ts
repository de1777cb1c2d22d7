/** Writes the workshop fixtures (tests/fixtures/workshops/*.tdw.json) from the seeded sample: `npx tsx tests/write-workshop-fixtures.ts`. */
import { writeFileSync } from 'node:fs'
import { buildWorkshopFile, serializeWorkshopFile } from '@/domain/workshop-file'
import { setConsensus } from '@/domain/workshop'
import { mini, tech } from './unit/domain/questionnaire-fixtures'
import { sampleWorkshop } from './workshop-fixture'

const at = '2026-11-21T10:00:00.000Z'
let small = sampleWorkshop(mini, { participants: 4, delegations: 2, id: 'mini-workshop' })
small = setConsensus(small, 'del-1', 'a1', { choice: { kind: 'level', level: 2 }, note: 'Agreed: the decree is drafted, not adopted' }, at)
small = setConsensus(small, 'del-2', 'b3', { choice: { kind: 'not_applicable' }, note: 'No such body in this country' }, at)
writeFileSync('tests/fixtures/workshops/mini.tdw.json', serializeWorkshopFile(buildWorkshopFile(small, '2026-11-21T12:00:00.000Z')))
let regional = sampleWorkshop(tech, { participants: 6, delegations: 2, id: 'regional-workshop' })
regional = setConsensus(regional, 'del-1', 'I1.1', { choice: { kind: 'level', level: 2 }, note: 'The mandate exists in a cabinet decision, not yet in law' }, at)
regional = setConsensus(regional, 'del-2', 'I1.1', { choice: { kind: 'dont_know' }, note: 'Ask the legal directorate' }, at)
writeFileSync('tests/fixtures/workshops/regional.tdw.json', serializeWorkshopFile(buildWorkshopFile(regional, '2026-11-21T12:00:00.000Z')))
