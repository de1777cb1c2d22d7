import { useI18n } from 'vue-i18n'
import { isRealDate } from '@/domain/input-rules'

/** A stored value as shown: `text` is "—" when the value cannot be shown, and `invalid` says so (the UI adds a note). */
export interface Shown {
  text: string
  invalid: boolean
}

type DateFormat = 'short' | 'long' | 'dateTime' | 'time'

/**
 * Formats dates read from storage or files without ever throwing: one damaged value must not blank a whole page.
 * A calendar date (`YYYY-MM-DD`) must be a real one; a timestamp must parse. Anything else shows as "—".
 */
export function useSafeFormat() {
  const { d } = useI18n()

  function attempt(date: Date, format: DateFormat): Shown {
    try {
      return Number.isNaN(date.getTime()) ? { text: '—', invalid: true } : { text: d(date, format), invalid: false }
    }
    catch {
      return { text: '—', invalid: true }
    }
  }

  /** A calendar date such as a profile's assessment date; an empty one is simply not given ("—", not invalid). */
  function day(value: string, format: DateFormat = 'short'): Shown {
    if (value === '') return { text: '—', invalid: false }
    return isRealDate(value) ? attempt(new Date(`${value}T12:00:00Z`), format) : { text: '—', invalid: true }
  }

  /** A moment, such as when an assessment was last edited. */
  function moment(value: string, format: DateFormat = 'dateTime'): Shown {
    return value === '' ? { text: '—', invalid: true } : attempt(new Date(value), format)
  }

  return { day, moment }
}
