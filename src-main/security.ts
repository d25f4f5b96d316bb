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

/**
 * Whether the renderer may load this URL. Only the app's own files (and, while developing,
 * the local dev server) are allowed; every network scheme is refused.
 */
export function isAllowedRequest(url: string, devServerOrigin: string | undefined): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (['file:', 'devtools:', 'data:', 'blob:', 'chrome-extension:'].includes(parsed.protocol)) return true
  return devServerOrigin !== undefined && parsed.origin === devServerOrigin
}

/**
 * Whether an IPC message comes from the app's own top-level page: the renderer's index.html
 * (loaded from disk) or the dev server. Any other frame or page is refused.
 */
export function isTrustedSender(senderUrl: string, rendererIndexUrl: string, devServerOrigin: string | undefined): boolean {
  let sender: URL
  try {
    sender = new URL(senderUrl)
  } catch {
    return false
  }
  if (devServerOrigin !== undefined && sender.origin === devServerOrigin) return true
  const expected = new URL(rendererIndexUrl)
  return sender.protocol === 'file:' && sender.pathname === expected.pathname
}
