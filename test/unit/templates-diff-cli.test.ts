/** `ropa templates diff old.json new.json`: the readable diff of two pack versions. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { diffPacks, formatPackDiff } from '@core/templates/pack-diff'
import { validatePackText } from '@core/templates/validate-pack'
import { NEW_RETENTION_QUOTE, NEW_YOUTUBE_QUOTE, OLD_YOUTUBE_QUOTE, haivisionV1Text, haivisionV2 } from '../fixtures/packs/haivision-v2'
import { ropa } from '../fixtures/run-ropa'

const directory = mkdtempSync(join(tmpdir(), 'ropa-templates-diff-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))
const v2 = haivisionV2()
writeFileSync(join(directory, 'haivision-1.0.0.json'), haivisionV1Text())
writeFileSync(join(directory, 'haivision-1.1.0.json'), v2.packText)

describe('ropa templates diff', () => {
  it('prints every change per activity and field, old → new in full with the quotes, and exits 0', async () => {
    const { code, stdout, stderr } = await ropa(['templates', 'diff', 'haivision-1.0.0.json', 'haivision-1.1.0.json'], directory)
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const before = validatePackText(haivisionV1Text())
    const after = validatePackText(v2.packText)
    if (!before.ok || !after.ok) throw new Error('fixture packs are invalid')
    expect(stdout).toBe(formatPackDiff(diffPacks(before.pack, after.pack)))
    const lines = stdout.split('\n')
    expect(lines[0]).toBe('Template pack haivision: version 1.0.0 → 1.1.0 (newer)')
    expect(lines).toContain('Activity changed: Live streaming to social media (YouTube, Facebook) (social-media-live-streaming), 8 changes')
    expect(lines).toContain('  Changed: Retention')
    expect(lines).toContain("    was: As set by the client's documented instructions (for example contractual obligations)")
    expect(lines).toContain('    now: 2 years from the end of the contract with the client, then erase')
    expect(lines).toContain(`        “${NEW_RETENTION_QUOTE}”`)
    expect(lines).toContain('  Removed: Sub-processor “Google Firebase”')
    expect(lines).toContain('  Changed: Data category “Name” › Policy quote')
    expect(lines).toContain(`    was: “${OLD_YOUTUBE_QUOTE}”`)
    expect(lines).toContain(`    now: “${NEW_YOUTUBE_QUOTE}”`)
    expect(stdout).not.toMatch(/…|and \d+ more|\[\d+\]|dataCategories/)
  })

  it('exits 1 naming the file and JSON path when a pack is not valid, and prints no diff', async () => {
    writeFileSync(join(directory, 'broken.json'), v2.packText.replace('"version": "1.1.0"', '"version": "next"'))
    const { code, stdout, stderr } = await ropa(['templates', 'diff', 'haivision-1.0.0.json', 'broken.json'], directory)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe('broken.json: $.version: use a version like 1.0.0\nNothing compared: a pack file is not valid.\n')
  })
})
