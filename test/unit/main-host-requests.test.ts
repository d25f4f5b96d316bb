import { describe, expect, it } from 'vitest'
import { BACKUP_MAX_BYTES, createBackup, serialiseBackup } from '@core/backup/backup-format'
import { MAX_PACK_FILE_BYTES } from '@core/templates/pack-schema'
import { DEFAULT_XLSX_LIMITS } from '@core/workbook/xlsx-guard'
import { HOST_METHODS, HOST_REQUEST_SCHEMAS, parseHostRequest } from '@core/host/host-api'
import { exportData, sampleRecords } from '../fixtures/workbooks/sample-register'

const validBackupJson = () =>
  serialiseBackup(
    createBackup({ exportedAt: '2026-05-01T10:00:00.000Z', appVersion: '0.1.0', organisation: null, userProfile: null, records: sampleRecords().slice(0, 2), auditLog: [], vendors: [], packs: [] })
  )
const openRequest = { title: 'Import a workbook', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }], maxBytes: 1024 }

describe('host API requests, checked in the main process', () => {
  it('has a schema for every method', () => {
    expect(Object.keys(HOST_REQUEST_SCHEMAS).sort()).toEqual([...HOST_METHODS].sort())
  })

  it('accepts the requests the renderer sends', () => {
    expect(parseHostRequest('getAppInfo', undefined)).toBeUndefined()
    expect(parseHostRequest('openFile', openRequest)).toEqual(openRequest)
    const save = { title: 'Save', suggestedName: 'ropa-backup-2026-05-01.json', filters: [{ name: 'RoPA backup', extensions: ['json'] }], data: new Uint8Array([1, 2]) }
    expect(parseHostRequest('saveFile', save)).toEqual(save)
    const data = exportData()
    expect(parseHostRequest('exportWorkbook', { data, suggestedName: 'register.xlsx', title: 'Exporter le registre', filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }] }).data.records).toEqual(data.records)
    const json = validBackupJson()
    expect(parseHostRequest('writeAutomaticBackup', { json, reason: 'daily' })).toEqual({ json, reason: 'daily' })
    expect(parseHostRequest('readAutomaticBackup', { name: 'ropa-backup-2026-05-01T10-20-30-123Z-daily.json' })).toEqual({ name: 'ropa-backup-2026-05-01T10-20-30-123Z-daily.json' })
    // The browser build's keys hold an ISO time.
    expect(parseHostRequest('readAutomaticBackup', { name: '2026-05-01T10:20:30.123Z-daily-1a2b3c4d' }).name).toBe('2026-05-01T10:20:30.123Z-daily-1a2b3c4d')
  })

  it('accepts the size limit of every file the app opens', () => {
    for (const maxBytes of [BACKUP_MAX_BYTES, MAX_PACK_FILE_BYTES, DEFAULT_XLSX_LIMITS.maxFileBytes]) {
      expect(parseHostRequest('openFile', { ...openRequest, maxBytes }).maxBytes).toBe(maxBytes)
    }
  })

  it('never lets a missing or undefined maxBytes lift the size limit', () => {
    const { maxBytes: _, ...withoutLimit } = openRequest
    expect(() => parseHostRequest('openFile', withoutLimit)).toThrow('openFile was refused: the request is invalid: $.maxBytes:')
    expect(() => parseHostRequest('openFile', { ...openRequest, maxBytes: undefined })).toThrow(/\$\.maxBytes/)
    for (const maxBytes of [0, -1, 1.5, Number.POSITIVE_INFINITY, Number.NaN, '1024', 10 * 1024 * 1024 * 1024]) {
      expect(() => parseHostRequest('openFile', { ...openRequest, maxBytes }), String(maxBytes)).toThrow(/\$\.maxBytes/)
    }
  })

  it('refuses unknown keys, wrong types and anything passed to a method that takes nothing', () => {
    expect(() => parseHostRequest('openFile', { ...openRequest, path: '/etc/passwd' })).toThrow(/path/)
    expect(() => parseHostRequest('openFile', null)).toThrow(/openFile was refused/)
    expect(() => parseHostRequest('saveFile', { title: 'Save', suggestedName: 'a.csv', filters: [], data: 42 })).toThrow(/\$\.data/)
    expect(() => parseHostRequest('saveFile', { title: 'Save', suggestedName: 'a.csv', filters: [{ name: 'x', extensions: ['.csv'] }], data: '' })).toThrow(/\$\.filters\[0\]\.extensions\[0\]/)
    expect(() => parseHostRequest('listAutomaticBackups', { dir: '/' })).toThrow(/listAutomaticBackups was refused/)
  })

  it('offers only a file name, never a path, in a save dialog', () => {
    for (const suggestedName of ['../../.bashrc', '/etc/cron.d/job', 'C:\\Windows\\evil.xlsx', '..', '']) {
      expect(() => parseHostRequest('saveFile', { title: 'Save', suggestedName, filters: [], data: '' }), suggestedName).toThrow(/\$\.suggestedName/)
    }
  })

  it('accepts an export with the audit trail, its anchor and its verification, as the app sends it', () => {
    const data = exportData()
    const broken = { ok: false as const, entries: 3, firstBreak: { seq: undefined, index: 3, reason: 'the chain ends before its anchor', kind: 'anchor' as const } }
    for (const verification of [{ ok: true as const, entries: 0 }, broken]) {
      const audit = { anchor: { headHash: '0'.repeat(64), count: 0 }, verification }
      expect(parseHostRequest('exportWorkbook', { data: { ...data, auditLog: [], audit }, suggestedName: 'register.xlsx', title: 'Exporter le registre', filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }] }).data.audit).toEqual(audit)
    }
  })

  it('checks an export’s records as stored records before the writer sees them', () => {
    const data = exportData()
    const broken = { ...data, records: [{ ...data.records[0]!, reference: 'not a reference' }, ...data.records.slice(1)] }
    expect(() => parseHostRequest('exportWorkbook', { data: broken, suggestedName: 'register.xlsx', title: 'Exporter le registre', filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }] })).toThrow(/\$\.data\.records\[0\]\.reference: A reference looks like PA-0001/)
    expect(() => parseHostRequest('exportWorkbook', { data: { ...data, exportedAt: 'yesterday' }, suggestedName: 'register.xlsx', title: 'Exporter le registre', filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }] })).toThrow(/\$\.data\.exportedAt/)
  })

  it('writes no automatic backup that is not a valid backup, and names what is wrong', () => {
    expect(() => parseHostRequest('writeAutomaticBackup', { json: '{"n":1}', reason: 'daily' })).toThrow(/\$\.json: not a valid backup: \$\.formatVersion: this is not a RoPA Manager backup/)
    expect(() => parseHostRequest('writeAutomaticBackup', { json: validBackupJson().slice(0, 200), reason: 'daily' })).toThrow(/not a valid backup: \$: the backup file is incomplete/)
    const wrongRecord = validBackupJson().replace('"reference":"PA-0001"', '"reference":"X"')
    expect(() => parseHostRequest('writeAutomaticBackup', { json: wrongRecord, reason: 'daily' })).toThrow(/not a valid backup: \$\.records\[0\]\.reference/)
    expect(() => parseHostRequest('writeAutomaticBackup', { json: validBackupJson(), reason: 'hourly' })).toThrow(/\$\.reason/)
  })

  it('refuses an automatic backup name that could reach outside the backups folder', () => {
    for (const name of ['../../etc/passwd', '..', '.hidden.json', 'sub/ropa-backup.json', 'a\\b.json', 'ropa..json', '', 'x'.repeat(201)]) {
      expect(() => parseHostRequest('readAutomaticBackup', { name }), name).toThrow(/\$\.name/)
    }
  })
})
