// ESLint (flat config), run by `npm run lint` and CI: typescript-eslint with type information,
// React hooks, and the architecture's boundaries (see README, "How it is built").
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const ROOT = import.meta.dirname

/** Whole module names (and their subpaths) as one pattern for no-restricted-imports. */
const modules = (...names) => `^(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/.*)?$`

/** Packages the pure core must not import: it runs in the renderer, the main process and the CLI alike. */
const NOT_IN_CORE = [
  { regex: modules('react', 'react-dom', 'react-hook-form', 'react-error-boundary', '@hookform/resolvers', 'wouter', 'sonner', '@tanstack/react-virtual'), message: 'The core imports no React or UI library: put UI code in src-renderer/.' },
  { regex: modules('electron'), message: 'The core imports no Electron API: put it in src-main/ outside core/.' },
  { regex: modules('dexie', 'dexie-react-hooks', 'fake-indexeddb'), message: 'The core imports no storage: repositories live in src-renderer/src/db/.' },
  { regex: `^node:|${modules(...builtinModules)}`, message: 'The core imports no Node module: pass data in, as the CLI and main process do.' },
  { regex: modules('commander', 'vitest', 'playwright-core', 'fast-check'), message: 'The core imports no CLI or test library.' }
]

/** The boundaries rule's options. */
function dependencyRules() {
  return [
    'error',
    {
      default: 'disallow',
      message: '{{ from.type }} {{ from.internalPath }} may not import {{ to.type }} {{ to.internalPath }}: see README, "Boundaries"',
      rules: [
        { from: { type: 'core' }, allow: { to: { type: 'core' } } },
        { from: { type: 'main' }, allow: { to: { type: ['core', 'main'] } } },
        // The app shell composes everything: it opens the database and routes to every feature.
        { from: { type: 'app' }, allow: { to: { type: ['core', 'app', 'feature', 'db', 'ui', 'host', 'i18n'] } } },
        // The interface's language: read by every part of the renderer, it builds on the core only.
        { from: { type: 'i18n' }, allow: { to: { type: ['core', 'i18n', 'ui'] } } },
        { from: { type: 'db' }, allow: { to: { type: ['core', 'db'] } } },
        // Navigation is the app's API to everything below it (the error screen's way back).
        { from: { type: 'ui' }, allow: [{ to: { type: ['core', 'ui', 'i18n'] } }, { to: { type: 'app', internalPath: 'navigation.tsx' } }] },
        { from: { type: 'host' }, allow: { to: { type: ['core', 'host'] } } },
        {
          from: { type: 'feature' },
          allow: [
            { to: { type: ['core', 'ui', 'host', 'i18n'] } },
            // Navigation and the services container are the app's API to features.
            { to: { type: 'app', internalPath: ['navigation.tsx', 'services.ts'] } },
            // Repositories and Dexie's change events, never the Dexie tables (database.ts) or native-store.ts.
            { to: { type: 'db', internalPath: ['*-repository.ts', 'change-events.ts'] } },
            // Another feature's public modules: its components (.tsx) and its services.
            { to: { type: 'feature', internalPath: ['*.tsx', '*-services.ts'] } }
          ]
        },
      ]
    }
  ]
}

export default defineConfig(
  globalIgnores(['out/**', 'dist/**', 'test-results/**', 'bench-results/**', 'templates/**', 'docs/**', '**/*.d.ts']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // One program: the test project holds every source, script and test file.
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: ROOT }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Functions are async to meet a Promise-returning contract (the host API, commander actions).
      '@typescript-eslint/require-await': 'off',
      // react-hook-form's handleSubmit(async ...) in onSubmit is the library's documented use.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }]
    }
  },
  {
    // Tests build malformed input from loosely typed JSON on purpose.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Spreadsheet cells are stringified for assertions; a wrong one shows as [object Object] in the failure.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off'
    }
  },
  {
    // Plain JavaScript and the root config files: outside the TypeScript project, so no type information.
    files: ['**/*.{js,mjs,cjs}', '*.config.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },

  {
    files: ['src-renderer/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Says only that React Compiler would skip a component (react-hook-form's watch); the app does not use the compiler.
      'react-hooks/incompatible-library': 'off'
    }
  },

  // The core: pure TypeScript shared by the renderer, the main process and the CLI.
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: NOT_IN_CORE }],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'process', 'Buffer', '__dirname', 'require'].map((name) => ({
          name,
          message: 'The core touches no browser or Node global: pass what it needs in.'
        }))
      ]
    }
  },

  // Boundaries between the parts of the app (README, "How it is built").
  {
    files: ['src-main/**/*.ts', 'src-renderer/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { [resolve(ROOT, 'scripts/eslint-resolver.cjs')]: {} },
      'boundaries/root-path': ROOT,
      'boundaries/elements': [
        { type: 'core', pattern: 'src-main/core/**', mode: 'full' },
        { type: 'main', pattern: 'src-main/**', mode: 'full' },
        { type: 'app', pattern: ['src-renderer/src/app/**', 'src-renderer/src/main.tsx'], mode: 'full' },
        { type: 'db', pattern: 'src-renderer/src/db', mode: 'folder' },
        { type: 'ui', pattern: 'src-renderer/src/ui', mode: 'folder' },
        { type: 'host', pattern: 'src-renderer/src/host', mode: 'folder' },
        { type: 'i18n', pattern: 'src-renderer/src/i18n', mode: 'folder' },
        { type: 'feature', pattern: 'src-renderer/src/*', mode: 'folder', capture: ['feature'] }
      ]
    },
    rules: { 'boundaries/dependencies': dependencyRules() }
  },
)
