import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { createLiveSync, type LiveSync } from '@/data/live-sync'
import { loadLiveSession, saveLiveSession, type LiveSession } from '@/data/live-session'
import type { Answers } from '@/domain/assessment'
import { isOutboxEmpty, type SyncStatus } from '@/domain/live-outbox'
import { isSameJson } from '@/domain/revision'

/**
 * The live-workshop side of an assessment opened on a participant's device: every answer change goes into the
 * outbox (saved on the device) and is sent to the workshop server; the status says honestly whether everything
 * arrived. An assessment that is not part of a live workshop gets `session: null` and sends nothing.
 *
 * The answers last put in the outbox (`recorded`, in localStorage, written at once) are never older than the
 * assessment's own copy (in IndexedDB, written a moment later). So when the assessment is first seen with other
 * answers than those, its last write was cut short (the tab closed, the phone turned off): `restore` puts the recorded
 * answers back into it, instead of sending the stale copy's differences to the server as changes.
 */
export function useLiveParticipant(assessmentId: Ref<string>, answers: Ref<Answers | undefined>, restore: (recorded: Answers) => unknown) {
  const session = ref<LiveSession | null>(loadLiveSession(assessmentId.value) ?? null)
  const status = ref<SyncStatus>('sent')
  const refusal = ref<string | null>(null)
  let sync: LiveSync | null = null

  function keep(next: LiveSession): void {
    session.value = next
    saveLiveSession(next)
  }

  function start(current: LiveSession): void {
    sync = createLiveSync({
      baseUrl: '',
      token: current.token,
      load: () => session.value!.outbox,
      save: outbox => keep({ ...session.value!, outbox, submitted: session.value!.submitted || (!outbox.submitPending && session.value!.outbox.submitPending) }),
      onStatus: (next, code) => {
        status.value = next
        refusal.value = next === 'refused' ? code ?? 'invalid' : null
      },
    })
    status.value = sync.status
  }

  /** Puts every answer that differs from what was last recorded into the outbox (null: cleared), then sends. */
  function recordDifferences(current: Answers): void {
    const live = session.value
    if (!live || !sync) return
    const ids = [...new Set([...Object.keys(current), ...Object.keys(live.recorded)])]
    const changed = ids.filter(id => !isSameJson(Object.hasOwn(current, id) ? current[id] : undefined, Object.hasOwn(live.recorded, id) ? live.recorded[id] : undefined))
    if (changed.length === 0) return
    for (const id of changed) void sync.record(id, Object.hasOwn(current, id) ? current[id]! : null)
    keep({ ...session.value!, recorded: JSON.parse(JSON.stringify(current)) as Answers })
  }

  const onOnline = () => { void sync?.flush() }
  onMounted(() => {
    if (!session.value) return
    start(session.value)
    window.addEventListener('online', onOnline)
    if (!isOutboxEmpty(session.value.outbox)) void sync!.flush()
  })
  onBeforeUnmount(() => {
    sync?.stop()
    window.removeEventListener('online', onOnline)
  })

  let seen = false
  watch(answers, (current) => {
    if (!current || !session.value || session.value.submitted) return
    const first = !seen
    seen = true
    if (first && !isSameJson(current, session.value.recorded)) {
      restore(JSON.parse(JSON.stringify(session.value.recorded)) as Answers)
      return
    }
    recordDifferences(current)
  }, { deep: true, immediate: true })

  async function submit(): Promise<void> {
    if (!sync || !session.value) return
    await sync.submit()
  }

  return { session, status, refusal, submit, retry: onOnline }
}
