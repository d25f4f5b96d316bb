/**
 * `npm run ropa -- <command>`: the command line for DPOs and template authors. Each feature
 * registers its own commands; all logic lives in the core, shared with the app.
 */
import { Command } from 'commander'
import { registerCheckCommands } from './check-commands'
import { registerTemplateCommands } from './template-commands'
import { registerWorkbookCommands } from './workbook-commands'

const program = new Command()
program.name('ropa').description('Records of processing (GDPR Art. 30): templates, workbooks, backups and checks').showHelpAfterError()

registerTemplateCommands(program)
registerWorkbookCommands(program)
registerCheckCommands(program)

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`ropa: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
