import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBackupText } from '@core/backup/backup-format'
import { generateDemoRegister } from '@core/demo/demo-register'
import { ropa as runRopa } from '../fixtures/run-ropa'

const ropa = (...args: string[]) => runRopa(args)

function backupAt(path: string) {
  const result = parseBackupText(readFileSync(path, 'utf8'))
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.backup
}

describe('ropa demo / export / import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ropa-cli-'))

  it('demo writes a valid backup; export writes a workbook and CSV; import reads the workbook back exactly', async () => {
    const backupPath = join(dir, 'demo.json')
    expect(await ropa('demo', '-o', backupPath, '--activities', '25', '--seed', '4')).toMatchObject({ code: 0, stderr: '' })
    const backup = backupAt(backupPath)
    expect(backup.records).toEqual(generateDemoRegister(25, 4))
    expect(backup.organisation?.controller.name).toBe('Example Trading Ltd')

    const xlsx = join(dir, 'register.xlsx')
    const csv = join(dir, 'register.csv')
    const exported = await ropa('export', backupPath, '-o', xlsx, '--csv', csv)
    expect(exported).toMatchObject({ code: 0, stderr: '' })
    expect(readFileSync(csv, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(26)

    const reimported = join(dir, 'reimported.json')
    const imported = await ropa('import', xlsx, '-o', reimported)
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    expect(imported.stdout).toMatch(/25 activities read exactly/)
    expect(backupAt(reimported).records).toEqual(backup.records)
  })

  it('exits 1 with the problem on stderr, writing nothing, for bad input', async () => {
    const future = join(dir, 'future.json')
    writeFileSync(future, JSON.stringify({ formatVersion: 3 }))
    const newer = await ropa('export', future, '-o', join(dir, 'never.xlsx'))
    expect(newer.code).toBe(1)
    expect(newer.stderr).toMatch(/future.json: \$.formatVersion: this backup was made by a newer version of the app/)
    expect(() => readFileSync(join(dir, 'never.xlsx'))).toThrow()

    const notXlsx = join(dir, 'table.xlsx')
    writeFileSync(notXlsx, 'Reference,Name\n')
    const bad = await ropa('import', notXlsx, '-o', join(dir, 'never.json'))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/table.xlsx: .*table.xlsx is not an .xlsx workbook/)

    const demo = await ropa('demo', '-o', join(dir, 'x.json'), '--activities', 'many')
    expect(demo).toMatchObject({ code: 1, stderr: expect.stringMatching(/--activities must be a whole number/) })
  })
})
