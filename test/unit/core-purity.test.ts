/** The core is shared by the renderer, the main process and the CLI: it must not depend on any of them. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const CORE = join(import.meta.dirname, '../../src-main/core')
const FORBIDDEN_IMPORTS = /from\s+['"](react|react-dom|electron|dexie|node:[a-z/]+|fs|path|os)['"]/
const FORBIDDEN_GLOBALS = /\b(window|document|localStorage|indexedDB)\./

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : []
  )
}

describe('the pure core', () => {
  it('imports no React, Electron, Dexie or Node module and touches no DOM global', () => {
    const offenders = sourceFiles(CORE).flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      const problems: string[] = []
      if (FORBIDDEN_IMPORTS.test(text)) problems.push(`${relative(CORE, file)}: ${text.match(FORBIDDEN_IMPORTS)![0]}`)
      if (FORBIDDEN_GLOBALS.test(text)) problems.push(`${relative(CORE, file)}: ${text.match(FORBIDDEN_GLOBALS)![0]}`)
      return problems
    })
    expect(offenders).toEqual([])
  })
})
