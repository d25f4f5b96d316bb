import type { Command } from 'commander'

/** Registers this feature's commands on the program. */
export function registerTemplateCommands(program: Command): void {
  void program
}
