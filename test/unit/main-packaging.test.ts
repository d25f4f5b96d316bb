/**
 * `npm run dist` cannot run here (electron-builder would download Electron), so its
 * configuration is checked offline: against electron-builder's own schema, and for the targets
 * and fuses the product needs.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Configuration } from 'electron-builder'

const ROOT = resolve(import.meta.dirname, '../..')
const CONFIG_PATH = 'scripts/electron-builder.config.mjs'
const require = createRequire(import.meta.url)

async function loadConfig(): Promise<Configuration> {
  const module = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, CONFIG_PATH)).href)) as { default: Configuration }
  return module.default
}

const targetsOf = (platform: { target?: unknown } | null | undefined) => platform?.target

describe('packaging with electron-builder', () => {
  it('is what `npm run dist` runs, after building the app', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(scripts.dist).toBe(`electron-vite build && electron-builder --config ${CONFIG_PATH}`)
  })

  it('is a configuration electron-builder accepts', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: Configuration, logger: unknown) => Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    const config = await loadConfig()
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The check is real: a misspelt option is refused.
    await expect(validateConfiguration({ ...config, electronFuse: {} } as Configuration, new DebugLogger(false))).rejects.toThrow(/unknown property 'electronFuse'/)
  }, 60_000)

  it('builds AppImage and deb on Linux, dmg on macOS and an NSIS installer on Windows', async () => {
    const config = await loadConfig()
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targetsOf(config.mac)).toEqual(['dmg'])
    expect(targetsOf(config.win)).toEqual(['nsis'])
    expect(config.asar).toBe(true)
  })

  it('sets the Electron fuses: no run-as-Node, no NODE_OPTIONS or --inspect, cookies encrypted, ASAR integrity checked and the only source', async () => {
    const config = await loadConfig()
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('packs the built app and nothing else of the repository', async () => {
    const config = await loadConfig()
    const { main } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }
    expect(main).toBe('out/main/index.js')
    expect(config.files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json'])
    expect(config.directories?.output).toBe('dist')
  })
})
