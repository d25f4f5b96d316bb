import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  automaticBackupFileName,
  listAutomaticBackups,
  parseAutomaticBackupFileName,
  readAutomaticBackup,
  writeAutomaticBackup
} from '../../src-main/backups'

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'ropa-backups-')), 'backups')
const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 10, minute, 30, 123))

describe('automatic backups in the user-data folder', () => {
  it('names a backup after its time and reason, and reads both back', () => {
    const name = automaticBackupFileName(at(20), 'before-restore')
    expect(name).toBe('ropa-backup-2026-05-01T10-20-30-123Z-before-restore.json')
    expect(name).not.toMatch(/:/)
    expect(parseAutomaticBackupFileName(name)).toEqual({ takenAt: '2026-05-01T10:20:30.123Z', reason: 'before-restore' })
    expect(parseAutomaticBackupFileName('notes.json')).toBeNull()
    expect(parseAutomaticBackupFileName('ropa-backup-2026-05-01T10-20-30-123Z-whenever.json')).toBeNull()
  })

  it('creates the folder, writes the JSON exactly and lists it', async () => {
    const dir = freshDir()
    expect(await listAutomaticBackups(dir)).toEqual([])
    const json = JSON.stringify({ formatVersion: 1, text: 'Zürich — “quotes”' })
    const info = await writeAutomaticBackup(dir, json, 'daily', { now: at(1) })
    expect(info).toEqual({ name: automaticBackupFileName(at(1), 'daily'), takenAt: at(1).toISOString(), reason: 'daily', bytes: Buffer.byteLength(json) })
    expect(readFileSync(join(dir, info.name), 'utf8')).toBe(json)
    expect(await listAutomaticBackups(dir)).toEqual([info])
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual([info.name])
  })

  it('keeps the newest few of each reason, so that edits never push out the pre-restore copy', async () => {
    const dir = freshDir()
    await writeAutomaticBackup(dir, '{"n":"restore"}', 'before-restore', { now: at(0), keep: 3 })
    for (let minute = 1; minute <= 6; minute++) await writeAutomaticBackup(dir, `{"n":${minute}}`, 'after-changes', { now: at(minute), keep: 3 })
    const listed = await listAutomaticBackups(dir)
    expect(listed.map((backup) => [backup.reason, backup.takenAt])).toEqual([
      ['after-changes', at(6).toISOString()],
      ['after-changes', at(5).toISOString()],
      ['after-changes', at(4).toISOString()],
      ['before-restore', at(0).toISOString()]
    ])
  })

  it('writes two backups taken in the same millisecond to two files', async () => {
    const dir = freshDir()
    const first = await writeAutomaticBackup(dir, '{"n":1}', 'daily', { now: at(2) })
    const second = await writeAutomaticBackup(dir, '{"n":2}', 'daily', { now: at(2) })
    expect(second.name).not.toBe(first.name)
    expect(await readAutomaticBackup(dir, first.name)).toBe('{"n":1}')
    expect(await readAutomaticBackup(dir, second.name)).toBe('{"n":2}')
  })

  it('ignores other files and reads only listed backups, never a path outside the folder', async () => {
    const dir = freshDir()
    await writeAutomaticBackup(dir, '{}', 'daily', { now: at(3) })
    writeFileSync(join(dir, 'notes.txt'), 'not a backup')
    expect((await listAutomaticBackups(dir)).map((backup) => backup.name)).toEqual([automaticBackupFileName(at(3), 'daily')])
    await expect(readAutomaticBackup(dir, '../../etc/passwd')).rejects.toThrow(/no automatic backup named "..\/..\/etc\/passwd"/)
    await expect(readAutomaticBackup(dir, 'notes.txt')).rejects.toThrow(/no automatic backup/)
  })

  it('refuses an unknown reason', async () => {
    await expect(writeAutomaticBackup(freshDir(), '{}', 'hourly' as never)).rejects.toThrow(/unknown automatic backup reason "hourly"/)
  })
})
