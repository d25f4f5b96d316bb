/**
 * `npm run ropa -- <command>`: the command line for DPOs and template authors. Each feature
 * registers its own commands (see run-cli.ts); all logic lives in the core, shared with the app.
 */
import { runCli } from './run-cli'

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then((exitCode) => {
  process.exitCode = exitCode
})
