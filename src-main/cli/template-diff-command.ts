/**
 * `ropa templates diff <old.json> <new.json>`: what the second version of a template pack changes
 * compared with the first, per activity and field, old → new in full with the policy's quotes
 * (the same diff the app shows before an update). Both files are checked as on import first.
 */
import type { Command } from 'commander'
import { diffPacks, formatPackDiff } from '../core/templates/pack-diff'
import { formatProblem } from '../core/util/problems'
import type { CliSession } from './run-cli'
import { validatePackFile } from './template-commands'

export function registerTemplateDiffCommand(program: Command, session: CliSession): void {
  const templates = program.commands.find((command) => command.name() === 'templates')
  if (!templates) throw new Error('register the templates commands before `templates diff`')
  templates
    .command('diff')
    .description('Show what a newer version of a template pack changes, per activity and field, in full with the quotes')
    .argument('<old>', 'the earlier pack file')
    .argument('<new>', 'the later pack file')
    .action((oldFile: string, newFile: string) => {
      const packs = []
      for (const file of [oldFile, newFile]) {
        const result = validatePackFile(session.file(file))
        if (!result.ok) {
          for (const problem of result.problems) session.err(`${formatProblem(file, problem)}\n`)
          session.exitCode = 1
        } else packs.push(result.pack)
      }
      const [before, after] = packs
      if (session.exitCode !== 0 || !before || !after) {
        session.err('Nothing compared: a pack file is not valid.\n')
        session.exitCode = 1
        return
      }
      session.out(formatPackDiff(diffPacks(before, after)))
    })
}
