/**
 * `ropa templates validate [file...]`: checks template packs with the same checker the app uses
 * on import, including every quote against the policy text in `<pack dir>/sources/`.
 * Node-only (file system); the checking itself is in src-main/core/templates.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { Command } from 'commander'
import { MAX_PACK_FILE_BYTES } from '../core/templates/pack-schema'
import { formatBytes } from '../core/templates/safe-json'
import { isPackFileName, validatePackText, type PackValidation } from '../core/templates/validate-pack'
import { formatProblem } from '../core/util/problems'
import type { CliSession } from './run-cli'

/** templates/ of this checkout: the shipped packs. */
export const SHIPPED_TEMPLATES_DIR = resolve(import.meta.dirname, '..', '..', 'templates')

export function listPackFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter(isPackFileName)
    .sort()
    .map((name) => join(directory, name))
}

/** Reads and checks one pack file; the policy text is looked up in `sources/` next to it. */
export function validatePackFile(path: string): PackValidation {
  let bytes: Buffer
  try {
    const size = statSync(path).size
    // Refused before reading, so that a huge file is never loaded.
    if (size > MAX_PACK_FILE_BYTES) {
      return { ok: false, problems: [{ path: '$', message: `template pack is ${formatBytes(size)}, over the limit of ${formatBytes(MAX_PACK_FILE_BYTES)}` }] }
    }
    bytes = readFileSync(path)
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }] }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, problems: [{ path: '$', message: 'the file is not valid UTF-8 text' }] }
  }
  const sourcesDirectory = join(dirname(path), 'sources')
  return validatePackText(text, {
    sourceText: (file) => {
      const sourcePath = join(sourcesDirectory, file)
      return existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : undefined
    }
  })
}

export function registerTemplateCommands(program: Command, session: CliSession): void {
  const templates = program.command('templates').description('Template packs: check the files that pre-fill records')
  templates
    .command('validate')
    .description('Check template packs: format, vocabulary, policy hash and that every quote is verbatim. Default: every templates/*.json')
    .argument('[files...]', 'pack files to check')
    .action((files: string[]) => {
      // Given files are named as given; the shipped ones relative to the working folder.
      const packs =
        files.length > 0
          ? files.map((file) => ({ label: file, path: session.file(file) }))
          : listPackFiles(SHIPPED_TEMPLATES_DIR).map((path) => ({ label: relative(session.io.cwd, path) || path, path }))
      if (packs.length === 0) {
        session.err(`no template packs found in ${SHIPPED_TEMPLATES_DIR}\n`)
        session.exitCode = 1
        return
      }
      let invalid = 0
      let problemCount = 0
      let warningCount = 0
      for (const { label, path } of packs) {
        const result = validatePackFile(path)
        if (result.ok) {
          warningCount += result.warnings.length
          for (const warning of result.warnings) session.out(`${formatProblem(label, { ...warning, message: `warning: ${warning.message}` })}\n`)
        } else {
          invalid++
          problemCount += result.problems.length
          for (const problem of result.problems) session.err(`${formatProblem(label, problem)}\n`)
        }
      }
      const valid = packs.length - invalid
      session.out(
        `${packs.length} template pack${packs.length === 1 ? '' : 's'} checked: ${valid} valid, ${invalid} invalid ` +
          `(${problemCount} problem${problemCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'})\n`
      )
      if (invalid > 0) session.exitCode = 1
    })
}
