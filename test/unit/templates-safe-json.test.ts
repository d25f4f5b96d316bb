import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { FORBIDDEN_KEYS, locateJsonSyntaxError, parseJsonSafely, utf8ByteLength } from '@core/templates/safe-json'
import { formatJsonPath } from '@core/util/problems'

/** The result with each problem's path and English text (their catalogue keys are tested in templates-pack-messages.test.ts). */
function parse(text: string, extra: Partial<Parameters<typeof parseJsonSafely>[1]> = {}) {
  const result = parseJsonSafely(text, { maxBytes: 10_000, ...extra })
  return result.ok ? result : { ok: false as const, problems: result.problems.map(({ path, message }) => ({ path, message })) }
}

function hasForbiddenKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasForbiddenKey)
  if (typeof value !== 'object' || value === null) return false
  return Object.keys(value).some((key) => FORBIDDEN_KEYS.has(key) || hasForbiddenKey((value as Record<string, unknown>)[key]))
}

describe('parseJsonSafely', () => {
  it('returns the parsed value of valid JSON', () => {
    expect(parse('{"a": [1, "two", null, true]}')).toEqual({ ok: true, value: { a: [1, 'two', null, true] } })
  })

  it('ignores a leading byte-order mark', () => {
    expect(parse('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } })
  })

  it('refuses input over the byte limit, naming the size and the limit', () => {
    // 'é' is two bytes in UTF-8: 60 characters are 122 bytes with the quotes.
    const result = parse(`"${'é'.repeat(60)}"`, { maxBytes: 100, label: 'backup' })
    expect(result).toEqual({ ok: false, problems: [{ path: '$', message: 'backup is 122 bytes, over the limit of 100 bytes' }] })
  })

  it('reports invalid JSON with its line and column', () => {
    expect(parse('{\n  "a": 1,\n  "b": \n}')).toEqual({
      ok: false,
      problems: [
        { path: '$', message: 'invalid JSON at line 4, column 1: expected a value (object, array, string, number, true, false or null), found character "}"' }
      ]
    })
    expect(parse('{"a": 1,}')).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/line 1, column 9: .*trailing comma/) }] })
  })

  it('refuses __proto__, constructor and prototype keys wherever they are, by path', () => {
    const result = parse('{"a": {"__proto__": {"polluted": true}}, "list": [{"constructor": 1}], "prototype": 2}')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((problem) => problem.path)).toEqual(['$.a.__proto__', '$.list[0].constructor', '$.prototype'])
    expect(result.problems[0]!.message).toMatch(/forbidden key "__proto__"/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses strings longer than the limit, naming path and length', () => {
    const result = parse(JSON.stringify({ notes: ['ok', 'x'.repeat(51)] }), { maxStringLength: 50 })
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '$.notes[1]', message: 'string of 51 characters is longer than the limit of 50' }]
    })
  })

  it('refuses nesting deeper than the limit', () => {
    expect(parse('[[[1]]]', { maxDepth: 3 }).ok).toBe(true)
    expect(parse('[[[[1]]]]', { maxDepth: 3 })).toEqual({
      ok: false,
      problems: [{ path: '$[0][0][0]', message: 'nesting is deeper than the limit of 3 levels' }]
    })
  })

  it('caps the number of problems it lists', () => {
    const result = parse(JSON.stringify(Array.from({ length: 500 }, () => 'xx')), { maxStringLength: 1 })
    expect(result.ok === false && result.problems.length).toBe(101)
  })
})

describe('JSON paths and byte sizes', () => {
  it('formats keys that are not identifiers in brackets', () => {
    expect(formatJsonPath(['activities', 2, 'purposes', 0, 'quotes', 1])).toBe('$.activities[2].purposes[0].quotes[1]')
    expect(formatJsonPath(['odd key', 'x.y'])).toBe('$["odd key"]["x.y"]')
  })

  it('counts UTF-8 bytes like an encoder does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8ByteLength(text) === new TextEncoder().encode(text).length))
  })
})

describe('parseJsonSafely properties', () => {
  const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 6 }))
  const leaf = fc.jsonValue({ maxDepth: 0 }).map((value) => JSON.stringify(value))
  const { json } = fc.letrec<{ json: string; array: string; object: string }>((tie) => ({
    json: fc.oneof({ maxDepth: 4, depthIdentifier: 'json' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    object: fc
      .array(fc.tuple(key, tie('json')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`)
  }))

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      parse(text)
    }))
  })

  it('accepts a JSON text exactly when it has no forbidden key, and an accepted value has none', () => {
    fc.assert(
      fc.property(json, (text) => {
        const result = parse(text)
        expect(result.ok).toBe(!hasForbiddenKey(JSON.parse(text)))
        if (result.ok) expect(hasForbiddenKey(result.value)).toBe(false)
      })
    )
  })

  it('locates a syntax error exactly when JSON.parse fails', () => {
    const mutated = fc
      .tuple(fc.jsonValue().map((value) => JSON.stringify(value, null, 1)), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '0', '-', 'e', '\\', ' '))
      .map(([text, position, insert]) => {
        const at = position % (text.length + 1)
        return text.slice(0, at) + insert + text.slice(at + (insert === '' ? 1 : 0))
      })
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 30 })), (text) => {
        let parses = true
        try {
          JSON.parse(text)
        } catch {
          parses = false
        }
        expect(locateJsonSyntaxError(text) === null).toBe(parses)
      }),
      { numRuns: 500 }
    )
  })
})
