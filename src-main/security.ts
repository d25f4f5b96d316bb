/**
 * The main process's security decisions as plain functions, so that they are tested in Node
 * without Electron. The app is offline by design: nothing may leave the machine.
 */

/** Applied as a response header and repeated in index.html's meta tag (for `npm run web`). */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false
} as const

/** The renderer is served from this custom protocol (protocol.ts), never from `file://`. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'ropa'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const RENDERER_URL = `${APP_ORIGIN}/index.html`

/**
 * Scheme, host and port of a URL, or null when it does not parse. WHATWG URLs give custom
 * schemes the opaque origin "null", so the origin is spelled out here to compare it whole.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  return `${parsed.protocol}//${parsed.host}`
}

/** Schemes that never leave the machine and that the renderer itself produces (inline images, workers, DevTools). */
const LOCAL_SCHEMES = ['data:', 'blob:', 'devtools:']

/**
 * Whether the renderer may load this URL: the app's own origin, inline data, and while
 * developing the local dev server. `file:` and every network scheme are refused.
 */
export function isAllowedRequest(url: string, devServerOrigin: string | undefined): boolean {
  const origin = originOf(url)
  if (origin === null) return false
  if (origin === APP_ORIGIN) return true
  if (LOCAL_SCHEMES.includes(new URL(url).protocol)) return true
  if (devServerOrigin === undefined) return false
  // Vite's hot reload talks to the dev server over a WebSocket on the same host and port.
  return origin === devServerOrigin || origin === devServerOrigin.replace(/^http/, 'ws')
}

/**
 * Whether an IPC message comes from the app's own page: the whole origin (scheme, host and
 * port) must be the app's, or while developing the dev server's. The caller also checks that
 * the sender is the top-level frame.
 */
export function isTrustedSender(senderUrl: string, devServerOrigin: string | undefined): boolean {
  const origin = originOf(senderUrl)
  if (origin === null) return false
  return origin === APP_ORIGIN || (devServerOrigin !== undefined && origin === devServerOrigin)
}
