/**
 * `ropa templates draft policy.txt [-o draft.json] [--vendor "Name"] [--title "..."]`: runs the
 * drafting assistant on a policy text and writes every proposal, accepted, as a format-2 pack
 * with the text embedded (the same pack the app's drafting screen saves when all are accepted).
 * Nothing is written when the draft cannot make a valid pack; the reasons go to stderr.
 */
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { MAX_SOURCE_TEXT } from '../core/templates/pack-schema'
import { packFromDraft } from '../core/templates/drafting/draft-pack'
import { draftPolicy } from '../core/templates/drafting/draft-policy'
import { DRAFT_FIELDS, DRAFT_FIELD_LABELS } from '../core/templates/drafting/proposal'
import { formatProblem } from '../core/util/problems'
import { inEnglish } from '../core/i18n/problem'
import { writeFileData } from '../files'
import type { CliSession } from './run-cli'

/** The policy's title: the option, else its first line when it reads like one, else the file name. */
export function policyTitle(text: string, fileName: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? ''
  return firstLine !== '' && firstLine.length <= 120 ? firstLine : fileName
}

function readPolicy(path: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    // A UTF-8 character takes at least one byte: more bytes than 4× the limit is surely too long.
    if (statSync(path).size > MAX_SOURCE_TEXT * 4) return { ok: false, message: `the policy is longer than ${MAX_SOURCE_TEXT.toLocaleString('en')} characters` }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path))
    if (text.length > MAX_SOURCE_TEXT) return { ok: false, message: `the policy is longer than ${MAX_SOURCE_TEXT.toLocaleString('en')} characters` }
    if (text.trim() === '') return { ok: false, message: 'the policy file is empty' }
    return { ok: true, text }
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, message: 'the file is not valid UTF-8 text' }
    return { ok: false, message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }
  }
}

export function registerDraftCommands(program: Command, session: CliSession): void {
  const templates = program.commands.find((command) => command.name() === 'templates') ?? program.command('templates')
  templates
    .command('draft')
    .description('Draft a template pack from a policy text (.txt or .md): every value the assistant finds, with its verbatim quote and the text embedded')
    .argument('<policy>', 'the policy text')
    .option('-o, --output <file>', 'write the pack here (default: standard output)')
    .option('--vendor <name>', "the vendor's name, when the policy's own legal entity is not the one to use")
    .option('--title <title>', "the document's title (default: its first line)")
    .action(async (policy: string, options: { output?: string; vendor?: string; title?: string }) => {
      const read = readPolicy(session.file(policy))
      if (!read.ok) {
        session.err(`${policy}: ${read.message}\n`)
        session.exitCode = 1
        return
      }
      const draft = draftPolicy(read.text, { ...(options.vendor ? { vendor: options.vendor } : {}) })
      const result = packFromDraft({
        text: read.text,
        title: options.title?.trim() || policyTitle(read.text, basename(policy)),
        proposals: draft.proposals,
        ...(options.vendor ? { vendorName: options.vendor } : {})
      })
      if (!result.ok) {
        for (const problem of result.problems) session.err(`${formatProblem(policy, problem)}\n`)
        session.err(`${policy}: no pack written\n`)
        session.exitCode = 1
        return
      }
      // The summary goes to stderr when the pack itself goes to stdout, so that stdout stays valid JSON.
      const report = options.output ? (text: string) => session.out(text) : (text: string) => session.err(text)
      for (const field of DRAFT_FIELDS) {
        const count = draft.proposals.filter((proposal) => proposal.field === field).length
        report(`${DRAFT_FIELD_LABELS[field]}: ${count} proposed\n`)
      }
      for (const gap of draft.gaps) report(`gap: ${inEnglish(gap.note)}\n`)
      for (const warning of result.warnings) report(`${formatProblem(policy, { ...warning, message: `warning: ${warning.message}` })}\n`)
      if (options.output) {
        await writeFileData(session.file(options.output), result.json)
        report(`${options.output}: pack "${result.pack.id}" written, ${result.pack.activities.length} activit${result.pack.activities.length === 1 ? 'y' : 'ies'}, ${draft.proposals.length} proposals\n`)
      } else session.out(result.json)
    })
}
