// `npm run test:electron`: launches the real app in Electron with Playwright (test/electron/).
// Where no Electron binary is installed it says so in one line and succeeds, so that machines
// installed with ELECTRON_SKIP_BINARY_DOWNLOAD still run everything else. It never downloads
// Electron (requiring the `electron` package would).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const electronPackage = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const pathFile = join(electronPackage, 'path.txt')
const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
const binary = override ? join(override, relativeBinary ?? 'electron') : relativeBinary && join(electronPackage, 'dist', relativeBinary)

if (!binary || !existsSync(binary)) {
  console.log('Electron e2e skipped: no Electron binary (install without ELECTRON_SKIP_BINARY_DOWNLOAD)')
  process.exit(0)
}

const run = (command, args, env = process.env) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1
const built = run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])
if (built !== 0) process.exit(built)
process.exit(run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/electron/vitest.config.ts'], { ...process.env, ROPA_ELECTRON_BINARY: binary }))
