/**
 * What the app is built from, as one SHA-256. `electron-vite build` records it next to its
 * output (out/.built-from-sources.sha256), so that a test of the built app can tell whether
 * out/ is the build of the sources in front of it. Contents are hashed, not modification
 * times, which checkouts and archives do not keep in order.
 */
import { createHash, type Hash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export const BUILD_SOURCES = ['src-main', 'src-renderer', 'templates', 'electron.vite.config.ts', 'package.json'] as const
export const BUILT_FROM_FILE = 'out/.built-from-sources.sha256'

function addToHash(hash: Hash, root: string, path: string): void {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) addToHash(hash, root, join(path, entry))
    return
  }
  hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0')
}

export function buildSourcesHash(root: string): string {
  const hash = createHash('sha256')
  for (const source of BUILD_SOURCES) if (existsSync(join(root, source))) addToHash(hash, root, join(root, source))
  return hash.digest('hex')
}
