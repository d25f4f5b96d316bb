/**
 * No English is written straight into the translated screens: JSX text, and the string props a
 * person reads or hears (aria-label, title, placeholder, label…), go through the catalogues.
 * A lint-like scan of the .tsx files of the translated folders, with the TypeScript parser.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const RENDERER = resolve(import.meta.dirname, '../../src-renderer/src')
/** The folders whose screens are translated: every feature folder of the renderer (db/ and host/ show no text). */
export const TRANSLATED_FOLDERS = ['app', 'checks', 'dashboard', 'drafting', 'export', 'i18n', 'migration', 'organisation', 'records', 'templates', 'ui']

/** Props whose text reaches a person (on screen or through a screen reader). */
const READ_PROPS = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'legend', 'intro', 'hint', 'blank', 'submitLabel', 'confirmLabel', 'cancelLabel', 'message', 'nameLabel', 'removeLabel', 'caption'])

/** Text that is the same in every language: symbols, the product's name, the hash algorithm's name, and the names of the languages in the picker. */
const LANGUAGE_NEUTRAL = [/^[^\p{L}]*$/u, /^§30$/, /^RoPA Manager$/, /^SHA-256$/]

export interface Literal {
  file: string
  line: number
  text: string
}

/** The English a .tsx file writes straight into its JSX. */
export function englishLiterals(file: string, source: string): Literal[] {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: Literal[] = []
  const report = (node: ts.Node, raw: string) => {
    const text = raw.replace(/\s+/g, ' ').trim()
    if (text === '' || LANGUAGE_NEUTRAL.some((pattern) => pattern.test(text))) return
    found.push({ file, line: parsed.getLineAndCharacterOfPosition(node.getStart()).line + 1, text })
  }
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text)
    if (ts.isJsxAttribute(node) && READ_PROPS.has(node.name.getText())) {
      const value = node.initializer
      if (value && ts.isStringLiteral(value)) report(value, value.text)
      if (value && ts.isJsxExpression(value) && value.expression && (ts.isStringLiteral(value.expression) || ts.isNoSubstitutionTemplateLiteral(value.expression))) report(value, value.expression.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(parsed)
  return found
}

function tsxFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? tsxFiles(resolve(folder, entry.name)) : entry.name.endsWith('.tsx') ? [resolve(folder, entry.name)] : []))
}

describe('no English literal in the translated screens', () => {
  it('finds JSX text and read-aloud props written in English (the scan itself)', () => {
    const sample = `const A = () => <div title="Open the record" className="x" aria-label={'Close'}>Save now {name} <b>—</b></div>`
    expect(englishLiterals('sample.tsx', sample).map((literal) => literal.text)).toEqual(['Open the record', 'Close', 'Save now'])
  })

  for (const folder of TRANSLATED_FOLDERS) {
    it(`src-renderer/src/${folder}/ has none`, () => {
      const literals = tsxFiles(resolve(RENDERER, folder)).flatMap((file) => englishLiterals(relative(RENDERER, file), readFileSync(file, 'utf8')))
      expect(literals.map((literal) => `${literal.file}:${literal.line} ${literal.text}`)).toEqual([])
    })
  }
})
