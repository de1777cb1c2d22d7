import type { Profile } from './profile'
import type { RoadmapEdits } from './roadmap'
import type { SignOff } from './sign-off'
import { newDelegation } from './workshop'
import type { Delegation, Workshop } from './workshop-model'

/**
 * The facilitator's edits to a workshop's delegations that `workshop.ts` does not cover (participants and the
 * consensus are changed there): a delegation's profile, roadmap edits and sign-off, adding and removing delegations.
 * No clock: the caller stamps `updatedAt`.
 */

/** The workshop with one delegation replaced by `change(delegation)`; the same workshop when there is no such delegation. */
export function updateDelegation(workshop: Workshop, delegationId: string, change: (delegation: Delegation) => Delegation): Workshop {
  if (!workshop.delegations.some(d => d.id === delegationId)) return workshop
  return { ...workshop, delegations: workshop.delegations.map(d => (d.id === delegationId ? change(d) : d)) }
}

/** The workshop with one more delegation (no participants yet) after the others. */
export function appendDelegation(workshop: Workshop, id: string, profile: Profile): Workshop {
  return { ...workshop, delegations: [...workshop.delegations, newDelegation(id, profile)] }
}

/** The workshop without one delegation; the last delegation is never removed (a workshop assesses someone). */
export function removeDelegation(workshop: Workshop, delegationId: string): Workshop {
  if (workshop.delegations.length <= 1) return workshop
  return { ...workshop, delegations: workshop.delegations.filter(d => d.id !== delegationId) }
}

export function setDelegationProfile(delegation: Delegation, profile: Profile): Delegation {
  return { ...delegation, profile }
}

export function setDelegationRoadmap(delegation: Delegation, roadmap: RoadmapEdits): Delegation {
  return { ...delegation, roadmap }
}

export function setDelegationSignOff(delegation: Delegation, signOff: SignOff): Delegation {
  return { ...delegation, signOff }
}
