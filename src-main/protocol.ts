/**
 * The `app://ropa/` protocol that serves the built renderer, instead of `file://`: the page
 * gets a proper origin of its own, and only files under the renderer folder can be reached
 * (anything else, including `..` and its percent-encoded forms, is a 404).
 */
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME, RENDERER_CSP } from './security'

/**
 * Registered before the app is ready: standard (relative URLs, an origin, IndexedDB), secure
 * (like https), fetch-capable, CORS-enabled (Vite's module scripts are loaded with
 * `crossorigin`), and with a code cache.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } as const

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm'
}

/** Headers on every response, so that the policy holds even for a page that lacks the meta tag. */
const SECURITY_HEADERS = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' }

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/**
 * The file under `rendererRoot` that an app:// URL names, or null when the URL is not the
 * app's or its path would leave the folder (after percent-decoding, which is where `%2e%2e`
 * and `%2f` hide).
 */
export function rendererFileFor(url: string, rendererRoot: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const root = resolve(rendererRoot)
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`)
  return file.startsWith(root + sep) ? file : null
}

/** Answers one app:// request from the renderer folder: GET and HEAD only, known file types only, 404 for everything else. */
export async function serveRendererFile(request: Pick<Request, 'url' | 'method'>, rendererRoot: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS })
  const file = rendererFileFor(request.url, rendererRoot)
  const contentType = file ? CONTENT_TYPES[extname(file).toLowerCase()] : undefined
  if (!file || !contentType) return notFound()
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return notFound()
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } })
}
