import type { Assessment } from './assessment'
import { isSmallService, type Profile } from './profile'
import type { Questionnaire } from './questionnaire'
import { buildRoadmap, type Roadmap, type RoadmapContext } from './roadmap'
import { scoreAssessment, type AssessmentResult } from './scoring'

/** The context flags of a profile that switch roadmap actions to their adapted variants. */
export function roadmapContextOf(profile: Profile, smallServiceThreshold: number): RoadmapContext {
  return { ldc: profile.ldc, sids: profile.sids, smallService: isSmallService(profile, smallServiceThreshold) }
}

/** What an assessment comes to: its scores and its roadmap (user edits applied). */
export interface AssessmentOutcome {
  result: AssessmentResult
  roadmap: Roadmap
}

export function assessmentOutcome(questionnaire: Questionnaire, assessment: Pick<Assessment, 'answers' | 'profile' | 'roadmap'>): AssessmentOutcome {
  const result = scoreAssessment(questionnaire, assessment.answers)
  const context = roadmapContextOf(assessment.profile, questionnaire.scoring.smallServiceMissionThreshold)
  return { result, roadmap: buildRoadmap(questionnaire, result, context, assessment.roadmap) }
}
