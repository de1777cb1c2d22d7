/** A safe HTML id for a questionnaire id such as "I1.1" (dots would break CSS selectors and URL hashes). */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`
}
