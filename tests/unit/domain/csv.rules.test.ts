import { describe, expect, it } from 'vitest'
import { toCsv } from '@/domain/csv'
import { fillTemplate } from '@/domain/template'

describe('toCsv: one rule per case', () => {
  it('joins cells with commas and rows with CRLF, ending with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n')
  })

  it('writes an empty table as a single line end', () => {
    expect(toCsv([])).toBe('\r\n')
  })

  it('quotes a cell with a leading space, so a spreadsheet keeps the space', () => {
    expect(toCsv([[' lead']])).toBe('" lead"\r\n')
  })

  it('quotes a cell with a trailing space', () => {
    expect(toCsv([['trail ']])).toBe('"trail "\r\n')
  })

  it('leaves a cell with an inner space unquoted', () => {
    expect(toCsv([['two words']])).toBe('two words\r\n')
  })

  it('quotes a cell with a carriage return alone', () => {
    expect(toCsv([['a\rb']])).toBe('"a\rb"\r\n')
  })

  it('quotes a cell with a line feed alone', () => {
    expect(toCsv([['a\nb']])).toBe('"a\nb"\r\n')
  })

  it('doubles every quote inside a quoted cell, not only the first', () => {
    expect(toCsv([['"a" "b"']])).toBe('"""a"" ""b"""\r\n')
  })

  it('defuses a cell starting with a tab (the apostrophe then leads, so no quotes are needed)', () => {
    expect(toCsv([['\tcmd']])).toBe('\'\tcmd\r\n')
  })

  it('defuses a cell starting with a carriage return', () => {
    expect(toCsv([['\rcmd']])).toBe('"\'\rcmd"\r\n')
  })

  it('defuses a formula character only at the start of a cell', () => {
    expect(toCsv([['a=b', 'x-y', 'm@n', 'p+q']])).toBe('a=b,x-y,m@n,p+q\r\n')
  })

  it('writes a negative number as a number, without an apostrophe', () => {
    expect(toCsv([[-1]])).toBe('-1\r\n')
  })

  it('defuses a minus sign that arrives as text', () => {
    expect(toCsv([['-1']])).toBe('\'-1\r\n')
  })
})

describe('fillTemplate', () => {
  it('replaces a named placeholder with its value', () => {
    expect(fillTemplate('Version {version}', { version: '1.0.0' })).toBe('Version 1.0.0')
  })

  it('replaces every placeholder, numbers written as text', () => {
    expect(fillTemplate('{n} of {total}', { n: 3, total: 12 })).toBe('3 of 12')
  })

  it('replaces a placeholder whose name has several characters, digits and underscores', () => {
    expect(fillTemplate('{dimension_2}', { dimension_2: 'Mandate' })).toBe('Mandate')
  })

  it('leaves an unknown placeholder as it is', () => {
    expect(fillTemplate('{a} and {b}', { a: 'x' })).toBe('x and {b}')
  })

  it('leaves braces around non-word text alone', () => {
    expect(fillTemplate('{ a } {-}', { ' a ': 'no', '-': 'no' })).toBe('{ a } {-}')
  })

  it('writes the value 0, not the placeholder', () => {
    expect(fillTemplate('{n}', { n: 0 })).toBe('0')
  })
})
