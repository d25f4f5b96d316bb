import { it } from 'vitest'
import ExcelJS from 'exceljs'
import { buildWorkbook, finishXlsx } from '@core/workbook/write-workbook'
import { nodeHash } from '../../src-main/export/write-workbook-stream'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
it('time', async () => {
  const records = generateDemoRegister(2000)
  const data = { organisation: demoOrganisation(), records, vendors: [], appVersion: 't', exportedAt: '2025-01-01T00:00:00.000Z', filters: '' }
  for (const [hash, opts] of [[nodeHash, {}], [nodeHash, { useSharedStrings: false }], [nodeHash, { useSharedStrings: false, zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }], [nodeHash, { useSharedStrings: false, zip: { compression: 'STORE' } }]] as const) {
    let t = performance.now()
    const wb = new ExcelJS.Workbook()
    const built = await buildWorkbook(wb, data, undefined, hash ? { createHash: hash } : {})
    console.log('build', Math.round(performance.now() - t)); t = performance.now()
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer(opts as never))
    console.log('writeBuffer', JSON.stringify(opts), bytes.length, Math.round(performance.now() - t)); t = performance.now()
    await finishXlsx(bytes, built)
    console.log('finish', Math.round(performance.now() - t))
  }
}, 120000)
