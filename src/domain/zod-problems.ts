import type { ZodIssue } from 'zod'
import { formatPath, isProblemCode, problem, shown, type Problem } from './problem'

/** The value kinds a message may name; anything rarer is "other". Each has a translation under `problems.types`. */
export const VALUE_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null', 'other'] as const
export type ValueType = (typeof VALUE_TYPES)[number]

function valueType(type: string): ValueType {
  if (type === 'nan' || type === 'float') return 'number'
  return (VALUE_TYPES as readonly string[]).includes(type) ? (type as ValueType) : 'other'
}

/** At most six values, each quoted, then "…" for the rest: a list the edge joins in the reader's language. */
function quotedList(values: readonly unknown[], max = 6): string[] {
  const listed = values.slice(0, max).map(value => `"${shown(value)}"`)
  return values.length > max ? [...listed, '…'] : listed
}

/**
 * Turns one zod issue into a problem code: a schema's own message is used when it is a code (the shared rules set
 * them), otherwise zod's kind of issue picks a generic code. zod's English text never leaves this function.
 */
export function problemFromZodIssue(issue: ZodIssue): Problem {
  const path = formatPath(issue.path)
  const own = isProblemCode(issue.message) ? issue.message : null
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return problem('value.required', path)
      if (issue.expected === 'integer') return problem('value.notInteger', path)
      // An enum or literal names its values instead of a type: "'self-declared' | 'document-backed'".
      if (!(VALUE_TYPES as readonly string[]).includes(issue.expected) && /['"|]/.test(issue.expected)) {
        return problem('value.notOneOf', path, { options: quotedList(issue.expected.split('|').map(o => o.trim().replace(/^'|'$/g, ''))), received: valueType(issue.received) })
      }
      return problem('value.type', path, { expected: valueType(issue.expected), received: valueType(issue.received) })
    case 'unrecognized_keys':
      return problem('value.unknownFields', path, { fields: quotedList(issue.keys), count: issue.keys.length })
    case 'invalid_enum_value':
      return problem('value.notAllowed', path, { options: quotedList(issue.options), received: shown(issue.received) })
    case 'invalid_union_discriminator':
      return problem('value.kindUnknown', path, { options: quotedList(issue.options) })
    case 'invalid_literal':
      return own ? problem(own, path) : problem('value.mustBe', path, { expected: shown(issue.expected) })
    case 'too_small': {
      const min = Number(issue.minimum)
      if (own) return problem(own, path, { min })
      if (issue.type === 'string') return problem('value.tooShort', path, { min })
      if (issue.type === 'array' || issue.type === 'set') return problem('value.tooFew', path, { min })
      return problem('value.tooSmall', path, { min })
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (own && own !== 'value.tooLong') return problem(own, path, { max })
      if (issue.type === 'string') return problem('value.tooLong', path, { max })
      if (issue.type === 'array' || issue.type === 'set') return problem('value.tooMany', path, { max })
      return problem('value.tooBig', path, { max })
    }
    case 'not_finite':
      return problem('value.notFinite', path)
    case 'not_multiple_of':
      return problem('value.notInteger', path)
    case 'custom': {
      // Refinements pass their numbers (a limit) as params; anything else is dropped.
      const params = Object.fromEntries(Object.entries(issue.params ?? {}).filter(([, v]) => typeof v === 'number' || typeof v === 'string').map(([k, v]) => [k, typeof v === 'string' ? shown(v) : v as number]))
      return problem(own ?? 'value.invalid', path, params)
    }
    default:
      return problem(own ?? (issue.code === 'invalid_string' ? 'value.format' : 'value.invalid'), path)
  }
}
