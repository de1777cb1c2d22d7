/** The Chromium or Chrome the end-to-end tests drive: $CHROMIUM_PATH, else a system install; null when none. */
export function findChromium(): string | null
