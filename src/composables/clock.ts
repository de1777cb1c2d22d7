/** The current time as an ISO 8601 string (UTC). The domain takes time as an argument; this is where it comes from. */
export function nowIso(): string {
  return new Date().toISOString()
}

/** Today's date in the user's time zone, YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
