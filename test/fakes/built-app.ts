/** The built app (out/), rebuilt unless it was built from exactly the sources in front of it, so that tests of the built main process never run stale code. */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BUILT_FROM_FILE, buildSourcesHash } from '../../scripts/build-sources'

export const ROOT = resolve(import.meta.dirname, '../..')
export const BUILT_MAIN = join(ROOT, 'out/main/index.js')
export const BUILT_PRELOAD = join(ROOT, 'out/preload/index.cjs')
export const BUILT_RENDERER = join(ROOT, 'out/renderer')

export function ensureAppBuilt(): void {
  const builtFrom = join(ROOT, BUILT_FROM_FILE)
  const outputs = [BUILT_MAIN, BUILT_PRELOAD, join(BUILT_RENDERER, 'index.html'), builtFrom]
  if (outputs.every(existsSync) && readFileSync(builtFrom, 'utf8') === buildSourcesHash(ROOT)) return
  // `npm test` builds first, so this runs only when the tests are started on their own.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'pipe' })
}
