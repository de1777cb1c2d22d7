/**
 * The Content-Security-Policy of the built app: its own scripts, styles, fonts and data only; no inline script,
 * no eval, nothing fetched from or sent to another site. `data:`/`blob:` images cover the chart and downloads.
 * `connect-src 'self'`: a live workshop talks only to the server that served the app.
 * One copy, used by the build (a meta tag in index.html) and the workshop server (a header).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
