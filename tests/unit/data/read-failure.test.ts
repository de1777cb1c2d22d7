import { describe, expect, it } from 'vitest'
import { readError, readFailureCode } from '@/data/storage'

describe('readError', () => {
  it('puts the browser error\'s name in front of its text', () => {
    expect(readError(new DOMException('The transaction was aborted.', 'AbortError')).message).toBe('AbortError: The transaction was aborted.')
    expect(readError(new DOMException('', 'UnknownError')).message).toBe('UnknownError: the browser gave no reason')
  })

  it('keeps a plain error\'s text as it is, and says when there is none', () => {
    expect(readError(new Error('The database is blocked by another tab.')).message).toBe('The database is blocked by another tab.')
    expect(readError(undefined).message).toBe('the browser gave no reason')
    expect(readError(null).message).toBe('the browser gave no reason')
    expect(readError('disk error').message).toBe('disk error')
    expect(readError(new TypeError('x is undefined')).message).toBe('TypeError: x is undefined')
  })
})

describe('readFailureCode', () => {
  it('tells a full device, a newer version, access refused and a read cut short apart by the error\'s name', () => {
    expect(readFailureCode('QuotaExceededError: The quota has been exceeded.')).toBe('storage.quota')
    expect(readFailureCode('VersionError: The requested version (2) is less than the existing version (3).')).toBe('storage.version')
    expect(readFailureCode('SecurityError: The operation is insecure.')).toBe('storage.readRefused')
    expect(readFailureCode('NotAllowedError: denied')).toBe('storage.readRefused')
    expect(readFailureCode('AbortError: The transaction was aborted.')).toBe('storage.readAborted')
    expect(readFailureCode('TimeoutError: timed out')).toBe('storage.readAborted')
    expect(readFailureCode('InvalidStateError: The database connection is closing.')).toBe('storage.readAborted')
    expect(readFailureCode('TransactionInactiveError: inactive')).toBe('storage.readAborted')
  })

  it('recognises a full device by its words when the name is missing', () => {
    expect(readFailureCode('Quota exceeded')).toBe('storage.quota')
  })

  it('says "could not read" for anything else, including a name met only inside the text', () => {
    expect(readFailureCode('UnknownError: Internal error opening backing store for indexedDB.open.')).toBe('storage.readFailed')
    expect(readFailureCode('The database is blocked by another tab')).toBe('storage.readFailed')
    expect(readFailureCode('Error in AbortError: handling')).toBe('storage.readFailed')
    expect(readFailureCode('')).toBe('storage.readFailed')
  })
})
