import { describe, expect, it } from 'vitest'
import { participantLabel } from '@/domain/workshop-model'

/** How a participant is shown on the heatmap, the consensus screen and the PDF. */
describe('participantLabel', () => {
  it('shows an anonymous participant by their number', () => {
    expect(participantLabel({ number: 3, role: '' }, false)).toBe('P3')
  })

  it('adds the role in brackets, without the spaces typed around it', () => {
    expect(participantLabel({ number: 3, role: '  regulator ' }, false)).toBe('P3 (regulator)')
  })

  it('adds no brackets for a role of spaces only', () => {
    expect(participantLabel({ number: 7, role: '   ' }, false)).toBe('P7')
  })

  it('keeps the name hidden while the workshop does not show names', () => {
    expect(participantLabel({ number: 2, role: '', name: 'Amina Diallo' }, false)).toBe('P2')
  })

  it('shows the name, trimmed, when the workshop shows names', () => {
    expect(participantLabel({ number: 2, role: '', name: ' Amina Diallo  ' }, true)).toBe('Amina Diallo')
  })

  it('shows the name with the role when both are given', () => {
    expect(participantLabel({ number: 2, role: 'ICT ministry', name: 'Amina Diallo' }, true)).toBe('Amina Diallo (ICT ministry)')
  })

  it('falls back to the number when names are shown but the name is blank or missing', () => {
    expect(participantLabel({ number: 4, role: '', name: '  ' }, true)).toBe('P4')
    expect(participantLabel({ number: 5, role: '', name: '' }, true)).toBe('P5')
    expect(participantLabel({ number: 6, role: 'regulator' }, true)).toBe('P6 (regulator)')
  })
})
