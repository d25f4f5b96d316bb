/**
 * `ropa templates validate [file...]`: checks template packs with the same checker the app uses
 * on import, every quote against the sources the pack embeds (and, for a pack that names a
 * `source.file`, the policy text in `<pack dir>/sources/`).
 * `ropa templates vocabulary [--search text]`: the vocabulary keys a pack may use.
 * `ropa templates bundle pack.json --source policy.txt ... -o bundled.json`: embeds source texts.
 * Node-only (file system); the checking itself is in src-main/core/templates.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import type { Command } from 'commander'
import { suggestVocabularyKey } from '../core/templates/pack-checks'
import { MAX_PACK_FILE_BYTES, MAX_SOURCE_TEXT, PACK_SOURCE_KIND_LABELS, type PackSource, type TemplatePack } from '../core/templates/pack-schema'
import { formatBytes, tooLargeProblem } from '../core/templates/safe-json'
import { slugify } from '../core/templates/user-pack'
import { collectQuotes, isPackFileName, validatePackText, type PackValidation } from '../core/templates/validate-pack'
import { formatProblem, type Problem } from '../core/util/problems'
import { sha256Hex } from '../core/util/sha256'
import { VOCABULARY, type VocabularyKind } from '../core/vocabulary/vocabulary'
import { writeFileData } from '../files'
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
      return { ok: false, problems: [tooLargeProblem('template pack', size, MAX_PACK_FILE_BYTES)] }
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
    },
    // Named as the folder it really is: the pack's own sources/, not the app's templates/sources/.
    sourceFolder: `${sourcesDirectory}${sep}`
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

  templates
    .command('vocabulary')
    .description('List the vocabulary keys a pack may use (data categories, data uses, data subjects): key, label and kind')
    .option('--search <text>', 'only the entries whose key, label or description contains this text')
    .action((options: { search?: string }) => {
      const entries = searchVocabulary(options.search ?? '')
      if (entries.length === 0) {
        const hint = options.search ? vocabularySuggestion(options.search) : undefined
        session.err(`no vocabulary entry matches "${options.search ?? ''}"${hint ? `; did you mean "${hint.key}" (${hint.label})?` : ''}\n`)
        session.exitCode = 1
        return
      }
      const width = Math.max(...entries.map((entry) => entry.key.length))
      for (const entry of entries) session.out(`${entry.key.padEnd(width)}  ${entry.label}  (${entry.kindName})\n`)
      session.out(`${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}; a pack may also use "custom:<text>" for a term the vocabulary lacks\n`)
    })

  templates
    .command('bundle')
    .description('Embed source texts (privacy policy, sub-processor list, DPA...) in a pack, as format 2: each text with its SHA-256; every quote must be found in them')
    .argument('<pack>', 'the pack file')
    .requiredOption('--source <file...>', 'a text file the quotes come from (repeat for several)')
    .option('--title <title...>', 'each source\'s title, in the order of --source (default: the pack\'s source.title for the first, the file name for the others)')
    .option('--kind <kind...>', `each source's kind, in the order of --source: ${Object.keys(PACK_SOURCE_KIND_LABELS).join(', ')} (default: privacy-policy for the first, other for the others)`)
    .requiredOption('-o, --output <file>', 'the bundled pack to write')
    .action(async (packFile: string, options: { source: string[]; title?: string[]; kind?: string[]; output: string }) => {
      await bundleCommand(session, packFile, options)
    })
}

interface VocabularyLine {
  key: string
  label: string
  kindName: string
}

const KIND_NAMES: Record<VocabularyKind, string> = { dataCategories: 'data category', dataUses: 'data use', dataSubjects: 'data subject' }

/** The vocabulary entries whose key, label or description contains `search` (ignoring case). */
export function searchVocabulary(search: string): VocabularyLine[] {
  const wanted = search.trim().toLowerCase()
  return (Object.keys(VOCABULARY) as VocabularyKind[]).flatMap((kind) =>
    VOCABULARY[kind]
      .filter((entry) => wanted === '' || [entry.key, entry.name, entry.description].some((text) => text.toLowerCase().includes(wanted)))
      .map((entry) => ({ key: entry.key, label: entry.name, kindName: KIND_NAMES[kind] }))
  )
}

function vocabularySuggestion(search: string): VocabularyLine | undefined {
  for (const kind of Object.keys(VOCABULARY) as VocabularyKind[]) {
    const key = suggestVocabularyKey(search, kind)
    const entry = key ? VOCABULARY[kind].find((candidate) => candidate.key === key) : undefined
    if (entry) return { key: entry.key, label: entry.name, kindName: KIND_NAMES[kind] }
  }
  return undefined
}

function isSourceKind(kind: string): kind is PackSource['kind'] {
  return Object.hasOwn(PACK_SOURCE_KIND_LABELS, kind)
}

/**
 * Reads the pack (format 1 is upgraded), adds each text as an embedded source with its SHA-256,
 * checks every quote against the pack's sources and writes the result only when all are found.
 */
async function bundleCommand(session: CliSession, packFile: string, options: { source: string[]; title?: string[]; kind?: string[]; output: string }): Promise<void> {
  const fail = (problems: Problem[], label = packFile) => {
    for (const problem of problems) session.err(`${formatProblem(label, problem)}\n`)
    session.err(`nothing written to ${options.output}\n`)
    session.exitCode = 1
  }
  let packText: string
  try {
    packText = readFileSync(session.file(packFile), 'utf8')
  } catch (error) {
    return fail([{ path: '$', message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }])
  }
  // Read as format 2 without its quotes: they are checked once the new sources are in.
  const read = validatePackText(packText, { skipQuoteCheck: true })
  if (!read.ok) return fail(read.problems)
  const { pack } = read

  const added: PackSource[] = []
  const taken = new Set(pack.sources.map((source) => source.id))
  for (const [index, file] of options.source.entries()) {
    let text: string
    try {
      const bytes = readFileSync(session.file(file))
      if (bytes.length > MAX_SOURCE_TEXT) return fail([{ path: '$', message: `${formatBytes(bytes.length)}, over the limit of ${MAX_SOURCE_TEXT} characters for a source` }], file)
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch (error) {
      return fail([{ path: '$', message: error instanceof TypeError ? 'the file is not valid UTF-8 text' : `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }], file)
    }
    const kind = options.kind?.[index] ?? (index === 0 && pack.sources.length === 0 ? 'privacy-policy' : 'other')
    if (!isSourceKind(kind)) return fail([{ path: '$', message: `unknown source kind "${kind}": use one of ${Object.keys(PACK_SOURCE_KIND_LABELS).join(', ')}` }], file)
    const first = index === 0 && pack.sources.length === 0
    const title = options.title?.[index] ?? (first ? pack.source.title : basename(file))
    let id = slugify(kind === 'other' ? basename(file).replace(/\.[^.]+$/, '') : kind, 'source')
    for (let suffix = 2; taken.has(id); suffix++) id = `${slugify(kind, 'source')}-${suffix}`
    taken.add(id)
    const date = first ? (pack.source.effectiveDate ?? pack.source.lastUpdated) : undefined
    added.push({ id, kind, title, ...(date ? { date } : {}), ...(first && pack.source.url ? { url: pack.source.url } : {}), text, sha256: sha256Hex(text) })
  }
  const sources = [...pack.sources, ...added]
  const mainPolicy = sources.find((source) => source.sha256 === pack.source.sha256) ?? added[0]!
  const { file: _sharedFile, ...source } = pack.source
  const bundled: TemplatePack = { ...pack, source: { ...source, sha256: mainPolicy.sha256, file: '' }, sources }
  const text = `${JSON.stringify(bundled, null, 2)}\n`
  const checked = validatePackText(text)
  if (!checked.ok) return fail(checked.problems)
  const quoteCount = collectQuotes(checked.pack).length
  await writeFileData(session.file(options.output), text)
  for (const entry of added) session.out(`${entry.title}: ${entry.text.length} characters, SHA-256 ${entry.sha256}\n`)
  if (mainPolicy.sha256 !== pack.source.sha256) session.out(`source.sha256 now names "${mainPolicy.title}" (it named a text none of the sources is)\n`)
  session.out(`${options.output}: ${sources.length} source${sources.length === 1 ? '' : 's'} embedded, ${quoteCount} quotes checked, every one found\n`)
}

