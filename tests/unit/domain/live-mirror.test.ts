import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyLiveParticipants, applyLiveSnapshot, applyLiveWorkshopChange, consensusByDelegation, detachLiveWorkshop,
  isFollowedLive, markLiveDeleted, mergeConsensus, mergeLiveCopies, mergeLiveWorkshop, pendingConsensus,
} from '@/domain/live-mirror'
import { emptyProfile } from '@/domain/profile'
import { emptyRoadmapEdits } from '@/domain/roadmap'
import { addParticipant } from '@/domain/workshop'
import { workshopSchema, type ConsensusEntry, type Delegation, type Participant, type Workshop } from '@/domain/workshop-model'

const T0 = '2026-11-29T09:00:00.000Z'
const T1 = '2026-11-29T09:01:00.000Z'
const T2 = '2026-11-29T09:02:00.000Z'
const T3 = '2026-11-29T09:03:00.000Z'

function person(id: string, number: number, source: Participant['source'], level?: number): Participant {
  return {
    id, number, role: '', source, submitted: source !== 'live', addedAt: T0, updatedAt: T0,
    answers: level === undefined ? {} : { a1: { kind: 'level', level, confidence: 'self-declared', evidence: '', updatedAt: T0 } },
  }
}
const entry = (level: number, note: string, updatedAt: string): ConsensusEntry => ({ choice: { kind: 'level', level }, note, discussed: true, updatedAt })
function delegation(id: string, participants: Participant[], consensus: Record<string, ConsensusEntry> = {}, ministry = ''): Delegation {
  return { id, profile: { ...emptyProfile('2026-11-29'), ministry }, participants, consensus, roadmap: emptyRoadmapEdits() }
}
function workshop(delegations: Delegation[], extra: Partial<Workshop> = {}): Workshop {
  return {
    id: 'w1', title: 'Regional workshop, Suva', questionnaireKey: 'mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0',
    locale: 'en', showNames: false, delegations, createdAt: T0, updatedAt: T1, ...extra,
  }
}
const room = { joinBases: ['http://192.168.1.20:8080'], joinCode: 'ABCD2345', closed: false, spreadAllowed: false }

describe('mergeConsensus: per indicator, the later entry wins, ties go to the server', () => {
  it('keeps the local entry when it is later, takes the server\'s when it is later, the server\'s on a tie, and each side\'s own', () => {
    const local = { a1: entry(3, 'local later', T2), a2: entry(1, 'local earlier', T1), a3: entry(2, 'local tie', T2), a4: entry(4, 'local only', T1) }
    const server = { a1: entry(2, 'server earlier', T1), a2: entry(5, 'server later', T2), a3: entry(0, 'server tie', T2), a5: entry(1, 'server only', T3) }
    expect(mergeConsensus(local, server)).toEqual({
      a1: entry(3, 'local later', T2),
      a2: entry(5, 'server later', T2),
      a3: entry(0, 'server tie', T2),
      a4: entry(4, 'local only', T1),
      a5: entry(1, 'server only', T3),
    })
  })
})

describe('mergeLiveWorkshop', () => {
  it('without a local copy is the server\'s workshop', () => {
    const server = workshop([delegation('d1', [person('s1', 1, 'live', 2)])])
    expect(mergeLiveWorkshop(undefined, server)).toBe(server)
  })

  it('replaces the live participants by the server\'s list and keeps those added here, in number order', () => {
    // Here: P1 (live, level 2, since left the server), P2 (file), P4 (live, old answer 1). Server: P3 and P4 (now 5).
    const local = workshop([delegation('d1', [person('gone', 1, 'live', 2), person('f2', 2, 'file', 3), person('s4', 4, 'live', 1)])])
    const server = workshop([delegation('d1', [person('s4', 4, 'live', 5), person('s3', 3, 'live', 0)])])
    const merged = mergeLiveWorkshop(local, server)
    expect(merged.delegations[0]!.participants.map(p => [p.id, p.number, p.answers.a1?.kind === 'level' ? p.answers.a1.level : null])).toEqual([
      ['f2', 2, 3], ['s3', 3, 0], ['s4', 4, 5],
    ])
  })

  it('ignores a participant the server sends that did not come from the live room', () => {
    const local = workshop([delegation('d1', [])])
    const server = workshop([delegation('d1', [person('x', 1, 'file', 2), person('s2', 2, 'live', 1)])])
    expect(mergeLiveWorkshop(local, server).delegations[0]!.participants.map(p => p.id)).toEqual(['s2'])
  })

  it('merges the consensus, adds delegations only the server has, keeps delegations and fields only the copy has', () => {
    const mine = delegation('d1', [], { a1: entry(3, 'set here later', T3) }, 'MFA (edited here)')
    const local = workshop([mine, delegation('local-only', [person('f1', 1, 'file', 2)])], {
      title: 'Suva, day 2', showNames: true, live: { ...room, closed: true },
    })
    const server = workshop([
      delegation('d1', [person('s1', 1, 'live', 4)], { a1: entry(1, 'server older', T2), a2: entry(2, 'server only', T2) }, 'MFA'),
      delegation('d2', [person('s9', 1, 'live', 0)], {}, 'Regulator'),
    ], { title: 'Regional workshop, Suva', updatedAt: T0 })
    const merged = mergeLiveWorkshop(local, server)
    expect(merged.title).toBe('Suva, day 2')
    expect(merged.showNames).toBe(true)
    expect(merged.live).toEqual({ ...room, closed: true })
    expect(merged.delegations.map(d => d.id)).toEqual(['d1', 'local-only', 'd2'])
    expect(merged.delegations[0]!.profile.ministry).toBe('MFA (edited here)')
    expect(merged.delegations[0]!.consensus).toEqual({ a1: entry(3, 'set here later', T3), a2: entry(2, 'server only', T2) })
    expect(merged.delegations[0]!.participants.map(p => p.id)).toEqual(['s1'])
    expect(merged.delegations[1]).toBe(local.delegations[1])
    expect(merged.delegations[2]).toBe(server.delegations[1])
  })

  it('keeps the roadmap edits and sign-off of a delegation the server also has', () => {
    const signOff = { draft: false, preparedBy: 'Director', approvedBy: '', date: '2026-11-29' }
    const mine: Delegation = { ...delegation('d1', []), roadmap: { ...emptyRoadmapEdits(), targets: { mandate: 4 } }, signOff }
    const merged = mergeLiveWorkshop(workshop([mine]), workshop([delegation('d1', [person('s1', 1, 'live', 1)])]))
    expect(merged.delegations[0]!.roadmap.targets).toEqual({ mandate: 4 })
    expect(merged.delegations[0]!.signOff).toEqual(signOff)
  })

  it('is updated at the later of the two times', () => {
    const local = workshop([delegation('d1', [])], { updatedAt: T2 })
    expect(mergeLiveWorkshop(local, workshop([delegation('d1', [])], { updatedAt: T1 })).updatedAt).toBe(T2)
    expect(mergeLiveWorkshop(local, workshop([delegation('d1', [])], { updatedAt: T3 })).updatedAt).toBe(T3)
    expect(mergeLiveWorkshop(local, workshop([delegation('d1', [])], { updatedAt: T2 })).updatedAt).toBe(T2)
  })
})

describe('applyLiveSnapshot', () => {
  it('notes the room (join code, addresses, settings) on the merged copy, and the result is a valid stored workshop', () => {
    const server = workshop([delegation('d1', [person('s1', 1, 'live', 2)])])
    const mirrored = applyLiveSnapshot(undefined, { workshop: server, live: { ...room, closed: true, spreadAllowed: true } })
    expect(mirrored.live).toEqual({ joinBases: ['http://192.168.1.20:8080'], joinCode: 'ABCD2345', closed: true, spreadAllowed: true })
    expect(mirrored.delegations).toEqual(server.delegations)
    expect(workshopSchema.safeParse(mirrored).success).toBe(true)
  })

  it('replaces an earlier note of the room, deletion included (a snapshot means the server has it)', () => {
    const local = workshop([delegation('d1', [])], { live: { ...room, joinCode: 'OLDCODE2', deletedAt: T1 } })
    expect(applyLiveSnapshot(local, { workshop: workshop([delegation('d1', [])]), live: room }).live).toEqual(room)
  })
})

describe('applyLiveParticipants: only changed participants of one delegation', () => {
  const local = workshop([
    delegation('d1', [person('s1', 1, 'live', 1), person('f2', 2, 'file', 3)]),
    delegation('d2', [person('t1', 1, 'live', 4)]),
  ])

  it('replaces the participant of the same id, adds a new one in number order, leaves the others and the other delegation', () => {
    const next = applyLiveParticipants(local, { delegationId: 'd1', participants: [person('s3', 3, 'live'), person('s1', 1, 'live', 5)] }, T3)
    expect(next.delegations[0]!.participants.map(p => [p.id, p.answers.a1?.kind === 'level' ? p.answers.a1.level : null])).toEqual([
      ['s1', 5], ['f2', 3], ['s3', null],
    ])
    expect(next.delegations[1]).toBe(local.delegations[1])
    expect(next.updatedAt).toBe(T3)
  })

  it('changes nothing for a delegation the copy does not have', () => {
    expect(applyLiveParticipants(local, { delegationId: 'd9', participants: [person('s7', 1, 'live', 2)] }, T3)).toBe(local)
  })

  it('never replaces a participant added here by one that did not come from the room', () => {
    const next = applyLiveParticipants(local, { delegationId: 'd1', participants: [person('f2', 2, 'file', 0)] }, T3)
    expect(next.delegations[0]!.participants).toEqual(local.delegations[0]!.participants)
  })
})

describe('participant numbers: a live participant keeps the server\'s, one added here gives way once', () => {
  // Here: s1 (live, P1) and f2 (file, P2). The server then numbers its next live participant P2. The server gives
  // P1 … P500 and never more, so a participant added here that must give way goes above P500.
  const local = workshop([delegation('d1', [person('s1', 1, 'live', 1), person('f2', 2, 'file', 3)])])
  const numbers = (w: Workshop) => w.delegations[0]!.participants.map(p => `${p.id}=P${p.number}`)
  const arrive = (w: Workshop, ...live: Participant[]) => applyLiveParticipants(w, { delegationId: 'd1', participants: live }, T3)

  it('a new live P2 moves the file\'s P2 to P501, the first number above every number the server gives', () => {
    expect(numbers(arrive(local, person('s2', 2, 'live')))).toEqual(['s1=P1', 's2=P2', 'f2=P501'])
  })

  it('the same through a whole snapshot; later live P3 and P4, arriving one by one, leave it at P501', () => {
    const first = mergeLiveWorkshop(local, workshop([delegation('d1', [person('s1', 1, 'live', 1), person('s2', 2, 'live')])]))
    expect(numbers(first)).toEqual(['s1=P1', 's2=P2', 'f2=P501'])
    const third = arrive(first, person('s3', 3, 'live'))
    expect(numbers(third)).toEqual(['s1=P1', 's2=P2', 's3=P3', 'f2=P501'])
    expect(numbers(arrive(third, person('s4', 4, 'live')))).toEqual(['s1=P1', 's2=P2', 's3=P3', 's4=P4', 'f2=P501'])
  })

  it('two participants added here that both clash take P501 and P502, in their order', () => {
    const two = workshop([delegation('d1', [person('s1', 1, 'live'), person('f2', 2, 'file'), person('q3', 3, 'qr')])])
    expect(numbers(arrive(two, person('s2', 2, 'live'), person('s3', 3, 'live')))).toEqual(['s1=P1', 's2=P2', 's3=P3', 'f2=P501', 'q3=P502'])
  })

  it('one added here after a move is numbered above it (P502) and never clashes with the room', () => {
    const moved = arrive(local, person('s2', 2, 'live'))
    const added = addParticipant(moved, 'd1', { id: 'h1', answers: {}, source: 'device', now: T3 })
    if (!added.ok) throw new Error('not added')
    expect(numbers(added.workshop)).toEqual(['s1=P1', 's2=P2', 'f2=P501', 'h1=P502'])
    expect(numbers(arrive(added.workshop, person('s3', 3, 'live'), person('s4', 4, 'live')))).toEqual(['s1=P1', 's2=P2', 's3=P3', 's4=P4', 'f2=P501', 'h1=P502'])
  })

  it('goes above the highest number in use when that is already above P500: P600 in use, the clash takes P601', () => {
    const high = workshop([delegation('d1', [person('s1', 1, 'live'), person('f2', 2, 'file'), person('f600', 600, 'file')])])
    expect(numbers(arrive(high, person('s2', 2, 'live')))).toEqual(['s1=P1', 's2=P2', 'f600=P600', 'f2=P601'])
  })

  it('leaves numbers that do not clash alone', () => {
    const apart = workshop([delegation('d1', [person('s1', 1, 'live'), person('f5', 5, 'file')])])
    expect(numbers(arrive(apart, person('s2', 2, 'live')))).toEqual(['s1=P1', 's2=P2', 'f5=P5'])
  })

  it('a moved number is a valid stored workshop; the highest number a participant may have is P1000', () => {
    expect(workshopSchema.safeParse(arrive(local, person('s2', 2, 'live'))).success).toBe(true)
    expect(workshopSchema.safeParse(workshop([delegation('d1', [person('f', 1000, 'file')])])).success).toBe(true)
    expect(workshopSchema.safeParse(workshop([delegation('d1', [person('f', 1001, 'file')])])).success).toBe(false)
  })
})

/**
 * A room over time: the server numbers each participant who joins one more than its highest (P1, P2 …); the
 * facilitator adds participants here between arrivals (numbered one more than the highest in the copy, as
 * `addParticipant` does); the copy hears of arrivals late, in change messages of one or more participants or in whole
 * snapshots after a reconnection.
 */
type Step = { kind: 'join' } | { kind: 'addHere' } | { kind: 'deliver', whole: boolean }
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'join' } as const),
  fc.constant({ kind: 'addHere' } as const),
  fc.boolean().map(whole => ({ kind: 'deliver', whole }) as const),
)

describe('property: over any sequence of arrivals, a participant added here changes number at most once', () => {
  it('live participants keep the server\'s numbers, no two share one, and each one added here moves at most once', () => {
    fc.assert(fc.property(fc.array(stepArbitrary, { maxLength: 60 }), (steps) => {
      let copy = workshop([delegation('d1', [])])
      const server: Participant[] = []
      let undelivered: Participant[] = []
      const seen = new Map<string, Set<number>>() // participant added here → every number it has had
      for (const [i, step] of steps.entries()) {
        if (step.kind === 'join') {
          const joined = person(`s${i}`, server.reduce((top, p) => Math.max(top, p.number), 0) + 1, 'live')
          server.push(joined)
          undelivered.push(joined)
        }
        else if (step.kind === 'addHere') {
          const added = addParticipant(copy, 'd1', { id: `h${i}`, answers: {}, source: 'file', now: T3 })
          if (!added.ok) throw new Error('not added')
          copy = added.workshop
        }
        else {
          copy = step.whole
            ? mergeLiveWorkshop(copy, workshop([delegation('d1', [...server])]))
            : applyLiveParticipants(copy, { delegationId: 'd1', participants: undelivered }, T3)
          undelivered = []
        }
        const participants = copy.delegations[0]!.participants
        expect(new Set(participants.map(p => p.number)).size).toBe(participants.length)
        for (const p of participants) {
          if (p.source === 'live') expect(p.number).toBe(server.find(s => s.id === p.id)!.number)
          else seen.set(p.id, (seen.get(p.id) ?? new Set()).add(p.number))
        }
      }
      for (const numbersHad of seen.values()) expect(numbersHad.size).toBeLessThanOrEqual(2)
      expect(workshopSchema.safeParse(copy).success).toBe(true)
    }), { numRuns: 300 })
  })
})

describe('applyLiveWorkshopChange', () => {
  it('notes the settings and merges each delegation\'s consensus, leaving a delegation the message does not name', () => {
    const local = workshop([
      delegation('d1', [], { a1: entry(2, 'here, later', T3), a2: entry(1, 'here, earlier', T1) }),
      delegation('d2', [], { a1: entry(4, 'only here', T1) }),
    ], { live: room })
    const next = applyLiveWorkshopChange(local, {
      closed: true,
      spreadAllowed: true,
      consensus: { d1: { a1: entry(0, 'server, earlier', T2), a2: entry(5, 'server, later', T2) }, d9: { a1: entry(3, 'unknown delegation', T3) } },
    })
    expect(next.live).toEqual({ ...room, closed: true, spreadAllowed: true })
    expect(next.delegations[0]!.consensus).toEqual({ a1: entry(2, 'here, later', T3), a2: entry(5, 'server, later', T2) })
    expect(next.delegations[1]).toBe(local.delegations[1])
    expect(next.delegations).toHaveLength(2)
  })

  it('adds no live marker to a copy that has none', () => {
    const next = applyLiveWorkshopChange(workshop([delegation('d1', [])]), { closed: true, spreadAllowed: false, consensus: {} })
    expect('live' in next).toBe(false)
  })
})

describe('deletion on the server', () => {
  it('marks the copy with when it was deleted there and keeps everything else', () => {
    const local = workshop([delegation('d1', [person('s1', 1, 'live', 2)])], { live: room })
    const marked = markLiveDeleted(local, T3)
    expect(marked.live).toEqual({ ...room, deletedAt: T3 })
    expect(marked.delegations).toBe(local.delegations)
    expect(isFollowedLive(local)).toBe(true)
    expect(isFollowedLive(marked)).toBe(false)
  })

  it('leaves a workshop that is not live as it is', () => {
    const local = workshop([delegation('d1', [])])
    expect(markLiveDeleted(local, T3)).toBe(local)
    expect(isFollowedLive(local)).toBe(false)
    expect(isFollowedLive(undefined)).toBe(false)
  })

  it('detaching keeps the copy as an ordinary workshop: no live marker, the rest unchanged', () => {
    const local = workshop([delegation('d1', [person('s1', 1, 'live', 2)])], { live: { ...room, deletedAt: T3 } })
    const detached = detachLiveWorkshop(local)
    expect('live' in detached).toBe(false)
    expect(detached).toEqual(workshop([delegation('d1', [person('s1', 1, 'live', 2)])]))
    expect(local.live).toBeDefined()
  })
})

describe('pendingConsensus: what the server has not received yet', () => {
  it('lists entries the server lacks or holds older, not equal or later ones, nor delegations it does not have', () => {
    const local = workshop([
      delegation('d1', [], { a1: entry(3, 'newer here', T3), a2: entry(2, 'same', T2), a3: entry(1, 'older here', T1), a4: entry(0, 'missing there', T1) }),
      delegation('local-only', [], { a1: entry(5, 'not the server\'s', T3) }),
    ])
    const server = { d1: { a1: entry(2, 'older there', T2), a2: entry(2, 'same', T2), a3: entry(4, 'newer there', T2) } }
    expect(pendingConsensus(local, server)).toEqual([
      { delegationId: 'd1', indicatorId: 'a1', entry: entry(3, 'newer here', T3) },
      { delegationId: 'd1', indicatorId: 'a4', entry: entry(0, 'missing there', T1) },
    ])
  })

  it('is empty once the server holds every entry', () => {
    const local = workshop([delegation('d1', [], { a1: entry(3, 'x', T3) }), delegation('d2', [], {})])
    expect(pendingConsensus(local, consensusByDelegation(local))).toEqual([])
  })

  it('consensusByDelegation lists every delegation, empty ones too', () => {
    const local = workshop([delegation('d1', [], { a1: entry(3, 'x', T3) }), delegation('d2', [])])
    expect(consensusByDelegation(local)).toEqual({ d1: { a1: entry(3, 'x', T3) }, d2: {} })
  })
})

describe('mergeLiveCopies: two tabs saving one live workshop at once', () => {
  const at = (p: Participant, updatedAt: string, level?: number): Participant => ({
    ...p, updatedAt, ...(level === undefined ? {} : { answers: { a1: { kind: 'level', level, confidence: 'self-declared', evidence: '', updatedAt } } }),
  })
  // The following tab wrote what the server sent: P1 answered 4 at T2, and the server's echo of the consensus set at T1.
  const following = workshop([delegation('d1', [at(person('s1', 1, 'live'), T2, 4)], { a1: entry(2, '', T1) })], { live: room, updatedAt: T2 })
  // The other tab wrote the note being typed (T3), from the copy it had: P1 still at 2 (T1).
  const typing = workshop([delegation('d1', [at(person('s1', 1, 'live'), T1, 2)], { a1: entry(2, 'The decree names a focal point', T3) })], { live: room, updatedAt: T3 })

  it('keeps the later consensus entry and the later state of each live participant, whichever tab saved first', () => {
    for (const [mine, theirs] of [[following, typing], [typing, following]] as const) {
      const merged = mergeLiveCopies(mine, theirs)!
      expect(merged.delegations[0]!.consensus.a1!.note).toBe('The decree names a focal point')
      expect(merged.delegations[0]!.participants.map(p => [p.id, p.updatedAt, p.answers.a1?.kind === 'level' ? p.answers.a1.level : null])).toEqual([['s1', T2, 4]])
      expect(merged.updatedAt).toBe(T3)
      expect(workshopSchema.safeParse(merged).success).toBe(true)
    }
  })

  it('keeps the indicators and live participants only one copy has, in number order', () => {
    const mine = workshop([delegation('d1', [person('s2', 2, 'live'), person('s1', 1, 'live')], { a1: entry(1, 'mine', T1) })], { live: room })
    const theirs = workshop([delegation('d1', [person('s3', 3, 'live')], { a2: entry(3, 'theirs', T1) })], { live: room })
    const merged = mergeLiveCopies(mine, theirs)!
    expect(merged.delegations[0]!.participants.map(p => p.id)).toEqual(['s1', 's2', 's3'])
    expect(Object.keys(merged.delegations[0]!.consensus).sort()).toEqual(['a1', 'a2'])
  })

  it('keeps a participant added on this device (a file) once, beside the live ones', () => {
    const file = person('f1', 3, 'file', 2)
    const mine = workshop([delegation('d1', [person('s1', 1, 'live'), file], { a1: entry(1, 'mine', T2) })], { live: room })
    const theirs = workshop([delegation('d1', [file, person('s2', 2, 'live')])], { live: room })
    expect(mergeLiveCopies(mine, theirs)!.delegations[0]!.participants.map(p => `${p.id} P${p.number}`)).toEqual(['s1 P1', 's2 P2', 'f1 P3'])
  })

  it('takes theirs on a tie', () => {
    const mine = workshop([delegation('d1', [{ ...person('s1', 1, 'live'), role: 'mine' }], { a1: entry(1, 'mine', T1) })], { live: room, updatedAt: T1 })
    const theirs = workshop([delegation('d1', [{ ...person('s1', 1, 'live'), role: 'theirs' }], { a1: entry(2, 'theirs', T1) })], { live: room, updatedAt: T1 })
    const merged = mergeLiveCopies(mine, theirs)!
    expect(merged.delegations[0]!.participants[0]!.role).toBe('theirs')
    expect(merged.delegations[0]!.consensus.a1!.note).toBe('theirs')
    expect(merged.updatedAt).toBe(T1)
  })

  it('does not mind the order in which the fields were written', () => {
    const reordered = JSON.parse(JSON.stringify({ live: room, ...typing })) as Workshop
    expect(mergeLiveCopies(following, reordered)?.delegations[0]!.consensus.a1!.note).toBe('The decree names a focal point')
  })

  it('leaves the choice to the facilitator when the copies differ in anything else, or are not live', () => {
    const other = (change: Partial<Workshop>) => ({ ...typing, ...change })
    expect(mergeLiveCopies(following, other({ title: 'Renamed' }))).toBeUndefined()
    expect(mergeLiveCopies(following, other({ live: { ...room, closed: true } }))).toBeUndefined()
    expect(mergeLiveCopies(following, other({ delegations: [{ ...typing.delegations[0]!, profile: { ...emptyProfile('2026-11-29'), ministry: 'MFA' } }] }))).toBeUndefined()
    expect(mergeLiveCopies(following, other({ delegations: [{ ...typing.delegations[0]!, participants: [...typing.delegations[0]!.participants, person('f1', 2, 'file')] }] }))).toBeUndefined()
    expect(mergeLiveCopies(following, other({ delegations: [...typing.delegations, delegation('d2', [])] }))).toBeUndefined()
    const notLive = detachLiveWorkshop(following)
    const theirsNotLive = detachLiveWorkshop(typing)
    expect(mergeLiveCopies(notLive, typing)).toBeUndefined()
    expect(mergeLiveCopies(following, theirsNotLive)).toBeUndefined()
    expect(mergeLiveCopies(notLive, theirsNotLive)).toBeUndefined()
  })

  it('never merges two copies of a workshop that is not live, even when only their consensus differs', () => {
    const mine = workshop([delegation('d1', [person('f1', 1, 'file')], { a1: entry(1, 'mine', T1) })])
    const theirs = workshop([delegation('d1', [person('f1', 1, 'file')], { a1: entry(2, 'theirs', T2) })])
    expect(mergeLiveCopies(mine, theirs)).toBeUndefined()
    expect(mergeLiveCopies({ ...mine, live: room }, theirs)).toBeUndefined()
    expect(mergeLiveCopies(mine, { ...theirs, live: room })).toBeUndefined()
    // the same two copies, both live, do merge: only the marker stood in the way
    expect(mergeLiveCopies({ ...mine, live: room }, { ...theirs, live: room })?.delegations[0]!.consensus.a1!.note).toBe('theirs')
  })
})
