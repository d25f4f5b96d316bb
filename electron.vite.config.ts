import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { BUILT_FROM_FILE, buildSourcesHash } from './scripts/build-sources'

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }

const alias = { '@core': resolve(import.meta.dirname, 'src-main/core') }

/** Records which sources this build was made from, once the last part (the renderer) is written; see scripts/build-sources.ts. */
function recordBuiltSources(): Plugin {
  const builtFrom = buildSourcesHash(import.meta.dirname)
  return {
    name: 'ropa:record-built-sources',
    apply: 'build',
    closeBundle() {
      const file = resolve(import.meta.dirname, BUILT_FROM_FILE)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, builtFrom)
    }
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'src-main/index.ts') } } }
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload must be CommonJS, and can require nothing but 'electron': the
    // contract it forwards (core/host/host-api.ts) brings zod along, so dependencies are bundled in.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    base: './',
    resolve: { alias },
    plugins: [react(), recordBuiltSources()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') } } }
  }
})
