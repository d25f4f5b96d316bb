/**
 * The lint's architecture rules (eslint.config.mjs): what each part of the app may import. Runs
 * ESLint on probe files without type information, so only the import rules are timed.
 */
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..')
const IMPORT_RULES = new Set(['boundaries/dependencies', 'no-restricted-imports'])
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
  ruleFilter: ({ ruleId }) => IMPORT_RULES.has(ruleId)
})

/** The import rules' messages for a file at `path` that imports `source`. */
async function importProblems(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as probe from '${source}'\nexport default probe\n`, { filePath: resolve(ROOT, path) })
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parser'}: ${message.message}`)
}

describe('lint: what each part of the app may import', { timeout: 60_000 }, () => {
  it('keeps the core to itself and its own npm packages', async () => {
    const core = 'src-main/core/records/probe.ts'
    expect(await importProblems(core, '../util/problems')).toEqual([])
    expect(await importProblems(core, '@core/records/model')).toEqual([])
    expect(await importProblems(core, 'zod')).toEqual([])
    for (const forbidden of ['react', 'electron', 'dexie', 'node:fs', 'fs', 'path/posix']) {
      expect(await importProblems(core, forbidden), forbidden).toEqual([expect.stringMatching(/^no-restricted-imports: .*The core imports no/)])
    }
    expect(await importProblems(core, '../../../src-renderer/src/ui/fields')).toEqual([expect.stringMatching(/^boundaries\/dependencies: core probe\.ts may not import ui fields\.tsx/)])
    expect(await importProblems(core, '../../cli/run-cli')).toEqual([expect.stringMatching(/^boundaries\/dependencies: core .* may not import main/)])
  })

  it('keeps the main process and CLI out of the renderer', async () => {
    expect(await importProblems('src-main/cli/probe.ts', '../core/records/model')).toEqual([])
    expect(await importProblems('src-main/cli/probe.ts', '../../src-renderer/src/db/database')).toEqual([expect.stringMatching(/^boundaries\/dependencies: main .* may not import db database\.ts/)])
  })

  it('lets a feature use repositories, the shell\'s services and other features\' components and services, nothing else', async () => {
    const feature = 'src-renderer/src/records/Probe.tsx'
    for (const allowed of ['@core/records/model', '../db/register-repository', '../app/services', '../app/navigation', '../ui/fields', '../host/host', '../checks/EditorFindings', '../checks/checks-services']) {
      expect(await importProblems(feature, allowed), allowed).toEqual([])
    }
    expect(await importProblems(feature, '../db/database')).toEqual([expect.stringMatching(/^boundaries\/dependencies: feature Probe\.tsx may not import db database\.ts/)])
    expect(await importProblems(feature, '../checks/register-health')).toEqual([expect.stringMatching(/may not import feature register-health\.ts/)])
    expect(await importProblems(feature, '../app/App')).toEqual([expect.stringMatching(/may not import app App\.tsx/)])
  })

  it('keeps the database layer and the shared UI below the features', async () => {
    expect(await importProblems('src-renderer/src/db/probe.ts', '../checks/checks-store')).toEqual([expect.stringMatching(/^boundaries\/dependencies: db probe\.ts may not import feature checks-store\.ts/)])
    expect(await importProblems('src-renderer/src/ui/Probe.tsx', '../records/RegisterPage')).toEqual([expect.stringMatching(/ui Probe\.tsx may not import feature RegisterPage\.tsx/)])
    expect(await importProblems('src-renderer/src/ui/Probe.tsx', '../app/navigation')).toEqual([])
    expect(await importProblems('src-renderer/src/ui/Probe.tsx', '../app/services')).toEqual([expect.stringMatching(/may not import app services\.ts/)])
  })

  it('makes no exception: the checks store reaches records through the repository too', async () => {
    expect(await importProblems('src-renderer/src/checks/checks-store.ts', '../db/database')).toEqual([expect.stringMatching(/may not import db database\.ts/)])
    expect(await importProblems('src-renderer/src/checks/checks-store.ts', '../db/native-store')).toEqual([expect.stringMatching(/may not import db native-store\.ts/)])
    expect(await importProblems('src-renderer/src/checks/severity.tsx', '../db/database')).toEqual([expect.stringMatching(/may not import db database\.ts/)])
  })
})
