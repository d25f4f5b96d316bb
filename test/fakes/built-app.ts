/**
 * The built app (out/), rebuilt whenever the sources differ from those it was built from, so
 * that tests of the built main process never run stale code. Contents are compared, not
 * modification times, which checkouts and archives do not keep in order.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
export const BUILT_MAIN = join(ROOT, 'out/main/index.js')
export const BUILT_PRELOAD = join(ROOT, 'out/preload/index.cjs')
export const BUILT_RENDERER = join(ROOT, 'out/renderer')
const BUILT_FROM = join(ROOT, 'out/.built-from-sources.sha256')

const SOURCES = ['src-main', 'src-renderer', 'templates', 'electron.vite.config.ts', 'package.json']

function addToHash(hash: ReturnType<typeof createHash>, path: string): void {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) addToHash(hash, join(path, entry))
    return
  }
  hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0')
}

function sourcesHash(): string {
  const hash = createHash('sha256')
  for (const source of SOURCES) addToHash(hash, join(ROOT, source))
  return hash.digest('hex')
}

export function ensureAppBuilt(): void {
  const current = sourcesHash()
  const outputs = [BUILT_MAIN, BUILT_PRELOAD, join(BUILT_RENDERER, 'index.html'), BUILT_FROM]
  if (outputs.every(existsSync) && readFileSync(BUILT_FROM, 'utf8') === current) return
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'pipe' })
  writeFileSync(BUILT_FROM, current)
}
