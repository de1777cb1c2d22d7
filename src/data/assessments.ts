import { assessmentSchema, type Assessment } from '@/domain/assessment'
import { getStorage, type StorageBackend, type StorageResult } from './storage'

/** Saved assessments, as read back from storage: records that no longer pass the schema are reported, not dropped silently. */
export interface StoredAssessments {
  assessments: Assessment[]
  unreadable: number
  backend: StorageBackend
}

export async function loadAssessments(): Promise<StoredAssessments> {
  const storage = await getStorage()
  const records = await storage.getAll<unknown>('assessments')
  const assessments: Assessment[] = []
  let unreadable = 0
  for (const record of records) {
    const parsed = assessmentSchema.safeParse(record)
    if (parsed.success) assessments.push(parsed.data)
    else unreadable++
  }
  return { assessments, unreadable, backend: storage.backend }
}

export async function saveAssessment(assessment: Assessment): Promise<StorageResult> {
  const storage = await getStorage()
  return storage.put('assessments', assessment.id, assessment)
}

export async function deleteAssessment(id: string): Promise<StorageResult> {
  const storage = await getStorage()
  return storage.delete('assessments', id)
}

/** A new random id for an assessment. */
export function newAssessmentId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID()
  return `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
