/**
 * The command line as a function: `runCli(args, io)` parses the arguments, runs the command and
 * resolves to its exit code. `index.ts` calls it with the process's streams; tests call it
 * in-process with their own, so that only one smoke test per command pays for a Node start.
 */
import { resolve } from 'node:path'
import { Command, CommanderError } from 'commander'
import { registerCheckCommands } from './check-commands'
import { registerTemplateApplyCommand } from './template-apply-command'
import { registerTemplateCommands } from './template-commands'
import { registerWorkbookCommands } from './workbook-commands'

export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  /** The folder relative file arguments are read from and written to. */
  cwd: string
}

/** What one run of a command writes to and the exit code it ends with. */
export class CliSession {
  exitCode = 0
  constructor(readonly io: CliIo) {}

  out(text: string): void {
    this.io.stdout.write(text)
  }

  err(text: string): void {
    this.io.stderr.write(text)
  }

  /** A file argument as a path to open: relative ones are taken from the session's folder. */
  file(path: string): string {
    return resolve(this.io.cwd, path)
  }
}

/** Runs `ropa <args>` (the arguments after the program name) and resolves to the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const session = new CliSession(io)
  const program = new Command()
  // Set before the commands are added, which inherit them: commander must neither exit the
  // process nor write to the process's streams.
  program
    .name('ropa')
    .description('Records of processing (GDPR Art. 30): templates, workbooks, backups and checks')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => session.out(text), writeErr: (text) => session.err(text) })

  registerTemplateCommands(program, session)
  registerTemplateApplyCommand(program, session)
  registerWorkbookCommands(program, session)
  registerCheckCommands(program, session)

  try {
    await program.parseAsync([...args], { from: 'user' })
  } catch (error) {
    // Usage errors and --help: commander has already written the message.
    if (error instanceof CommanderError) return error.exitCode
    session.err(`ropa: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
  return session.exitCode
}
