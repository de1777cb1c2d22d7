import { describe, expect, it } from 'vitest'
import { useConfirmation } from '@/composables/useConfirmation'

describe('useConfirmation: a question before an action that cannot be undone', () => {
  it('is closed until asked, then open about what it was asked about', () => {
    const removal = useConfirmation<string>(() => undefined)
    expect([removal.isOpen, removal.subject]).toEqual([false, null])
    removal.ask('d2')
    expect([removal.isOpen, removal.subject]).toEqual([true, 'd2'])
  })

  it('confirming closes the question first, then runs the action once with its subject', async () => {
    const seen: Array<{ id: string, openDuring: boolean }> = []
    const removal = useConfirmation<string>((id) => { seen.push({ id, openDuring: removal.isOpen }) })
    removal.ask('p3')
    await removal.confirm()
    expect(seen).toEqual([{ id: 'p3', openDuring: false }])
    expect(removal.subject).toBeNull()
  })

  it('cancelling (its button or Escape) closes it and runs nothing; a later confirm runs nothing either', async () => {
    const ran: string[] = []
    const removal = useConfirmation<string>((id) => { ran.push(id) })
    removal.ask('w1')
    removal.cancel()
    expect(removal.isOpen).toBe(false)
    await removal.confirm()
    expect(ran).toEqual([])
  })

  it('a second confirm (a double click) runs the action only once', async () => {
    let runs = 0
    const deletion = useConfirmation(() => { runs++ })
    deletion.ask(true)
    await Promise.all([deletion.confirm(), deletion.confirm()])
    expect(runs).toBe(1)
  })

  it('waits for an action that takes time, so a caller may await it', async () => {
    let done = false
    const deletion = useConfirmation(async () => {
      await new Promise(resolve => setTimeout(resolve, 5))
      done = true
    })
    deletion.ask(true)
    await deletion.confirm()
    expect(done).toBe(true)
  })
})
