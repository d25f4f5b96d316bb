/**
 * Files the app refuses to read (workbooks, spreadsheets, backups), in English: why a file is
 * not read at all, said with the file's name as the user typed it. The CLI prints these; the
 * interface says them in its own language from the same keys.
 */
export default {
  'size.bytes': '{{bytes}} bytes',
  'size.kb': '{{size}} KB ({{bytes}} bytes)',
  'size.mb': '{{size}} MB ({{bytes}} bytes)',

  // The zip container of an .xlsx (xlsx-guard.ts), checked before anything is inflated.
  'zip.noCentralDirectory': '{{file}} is damaged: the zip archive has no central directory (was it cut short?)',
  'zip.zip64': '{{file}} is a ZIP64 archive, far larger than any register workbook; refused',
  'zip.tooManyEntries': '{{file}} holds {{count}} zip entries, over the limit of {{limit}}',
  'zip.directoryOutside': '{{file}} is damaged: its zip central directory points outside the file',
  'zip.entryUnreadable': '{{file}} is damaged: zip entry {{entry}} of {{count}} in the central directory is unreadable',
  'zip.entryZip64': '{{file}}: zip entry "{{entry}}" uses ZIP64 sizes; refused',
  'zip.bomb': '{{file}} looks like a zip bomb: entry "{{entry}}" inflates {{compressed}} to {{uncompressed}} (more than {{ratio}} times); refused',
  'zip.unpacksTooLarge': '{{file}} would unpack to more than {{limit}} (a zip bomb, or far larger than a register); refused',
  'zip.noLocalHeader': '{{file}} is damaged: zip entry "{{entry}}" has no local header where the directory says',
  'zip.entryCutShort': '{{file}} is damaged: zip entry "{{entry}}" is cut short',
  'zip.compressionMethod': '{{file}}: zip entry "{{entry}}" uses compression method {{method}}; an .xlsx uses deflate',
  'zip.inflatesBeyond': '{{file}} is damaged or hostile: zip entry "{{entry}}" inflates to more than the {{declared}} it declares; refused',
  'zip.cannotInflate': '{{file}} is damaged: zip entry "{{entry}}" cannot be inflated ({{detail}})',

  // What the sheets declare (xlsx-guard.ts): `where` is one of content.where.*, `what` one of the sentences after it.
  'content.beyondLimit': '{{file}}: {{where}} {{what}}; {{limit}}. The file is damaged or made to crash the app, so it was not read',
  'content.overBudget': '{{file}}: {{where}} {{what}}, which would take more than {{budget}} cells in memory for a {{size}} file; the file is damaged or made to exhaust the app, so it was not read',
  'content.where.sheet': "sheet '{{sheet}}'",
  'content.where.worksheet': 'worksheet {{entry}}',
  'content.where.sharedStrings': 'the shared strings table',
  'content.limit.columns': 'a sheet has at most {{limit}} columns',
  'content.limit.rows': 'a sheet has at most {{limit}} rows',
  'content.limit.merges': 'no register needs that many',
  'content.cell.beyondLastColumn': 'has a cell at {{ref}}, beyond the last column',
  'content.cell.beyondLastRow': 'has a cell at {{ref}}, beyond the last row',
  'content.dimension.beyondLastColumn': 'declares its used range (<dimension>) up to {{ref}}, beyond the last column',
  'content.dimension.beyondLastRow': 'declares its used range (<dimension>) up to {{ref}}, beyond the last row',
  'content.mergeFrom.beyondLastColumn': 'merges cells from {{ref}}, beyond the last column',
  'content.mergeFrom.beyondLastRow': 'merges cells from {{ref}}, beyond the last row',
  'content.mergeTo.beyondLastColumn': 'merges cells up to {{ref}}, beyond the last column',
  'content.mergeTo.beyondLastRow': 'merges cells up to {{ref}}, beyond the last row',
  'content.rowNumbered': 'has a row numbered {{row}}',
  'content.declaresColumns': 'declares columns {{from}} to {{to}} ({{tag}})',
  'content.tooManyMerges': 'has more than {{limit}} merged ranges',
  'content.mergesCells': 'merges {{cells}} cells ({{range}})',
  'content.holdsCells': 'holds {{cells}} cells',
  'content.numbersRows': 'numbers its rows up to {{row}}',
  'content.columnFormats': 'declares column formats up to column {{column}}',
  'content.holdsStrings': 'holds {{strings}} strings',
  // A library's own error while unpacking a workbook (read-workbook.ts, libraryErrorRef), in words; its text follows as a detail.
  'library.damagedZip': 'the zip archive inside it is damaged, so its sheets cannot be unpacked; it may be damaged or another kind of file{{detail}}',
  'library.badXml': 'one of its parts is not well-formed XML, so it was damaged or written by a faulty program{{detail}}',
  'library.noPosition': 'a row or cell in one of its sheets has no valid position (row number or cell reference){{detail}}',
  'library.overlappingMerges': 'two merged cell ranges in one of its sheets overlap{{detail}}',
  'library.tooLarge': 'it is too large or too deeply nested to read{{detail}}',
  'library.missingPart': 'a part every .xlsx workbook has is missing or laid out unexpectedly (it may be damaged, or saved by a program that writes .xlsx files incorrectly){{detail}}',
  'library.other': 'it may be damaged or another kind of file{{detail}}',
  'library.technicalDetail': ' (technical detail: {{detail}})',

  // The app's own workbook: the JSON in its hidden Data sheet (read-workbook.ts).
  'data.partLength': 'part {{part}} at {{cell}} has {{length}} characters, expected {{expected}}',
  'data.partWithoutFirst': 'part {{part}} at {{cell}} has no part 1 before it',
  'data.cellLength': '{{cell}} has {{length}} characters, expected {{expected}}',
  'data.recordDamaged': "the record's data is damaged: {{problem}}",
  'data.recordNotJson': "the record's data in the hidden Data sheet is not valid JSON (was the sheet edited?)",
  'data.recordNotValid': 'not valid: {{issues}}',
  'data.issue': '{{field}}: {{message}}',
  'data.wholeRecord': 'the record',
  'organisation.damaged': 'the organisation profile in the hidden Data sheet is damaged: {{problem}}, so the workbook cannot be re-imported exactly',
  'organisation.notJson': 'the organisation profile in the hidden Data sheet is not valid JSON (was the sheet edited?), so the workbook cannot be re-imported exactly',
  'organisation.notValid': 'the organisation profile in the hidden Data sheet is not valid ({{issues}}), so the workbook cannot be re-imported exactly',
  'organisation.wholeProfile': 'the profile',
  'organisation.place': '{{part}} › {{field}}',
  'organisation.part.controller': 'Controller',
  'organisation.part.dpo': 'Data Protection Officer',
  'organisation.part.representative': 'EU / UK representative',
  'organisation.part.jointController': 'Joint controller {{number}}',
  'organisation.field.name': 'Name',
  'organisation.field.email': 'E-mail',
  'organisation.field.phone': 'Phone',
  'organisation.field.address': 'Address',
  'organisation.field.regime': 'Regime for transfers',
  'organisation.field.updatedAt': 'Last changed',

  // A register in the ICO layout (read-workbook.ts); the headings quoted are the ones the reader looks for, in English.
  'ico.noHeadings': 'no recognisable register headings in the first {{rows}} rows of any sheet (sheets: {{sheets}}); expected at least {{minimum}} headings such as "Purpose of processing", "Categories of individuals", "Categories of personal data", "Retention schedule"',
  'ico.sheetName': "'{{sheet}}'",
  'ico.noSheets': 'none',
  'ico.cellNotValid': '{{cell}}: not valid: {{issues}}',
  'ico.referenceTwice': 'reference {{reference}} is also used by {{other}}',

  // A spreadsheet for the guided import or `ropa import` (read-spreadsheet.ts).
  'spreadsheet.tooLarge': '{{file}} is {{size}}, over the limit of {{limit}} for a spreadsheet',
  'spreadsheet.empty': '{{file}} is empty',
  'spreadsheet.unknownKind': '{{file}} is not a spreadsheet this app reads: use an .xlsx or .ods workbook or a .csv file',
  'spreadsheet.tooManyFilledCells': '{{file}} has more than {{limit}} filled cells, more than any register',
  'spreadsheet.tooManyCells': '{{file}} has more than {{limit}} cells, more than any register',
  'csv.line': '{{file}}: line {{line}}',
  'csv.quoteNotClosed': 'a quoted value is not closed ({{detail}})',

  // A file the open dialog refuses before reading it (files.ts, the browser host).
  'open.notRegularFile': '{{file}} is not a regular file',
  'open.tooLarge': '{{file}} is {{size}}; the limit is {{limit}}',
  'open.size.bytes': '{{size}} B',
  'open.size.kb': '{{size}} KB',
  'open.size.mb': '{{size}} MB',

  // An automatic backup the host refuses to keep (host-api.ts).
  'backup.notValid': 'not a valid backup: {{path}}: {{problem}}',

  // A file whose reading failed outright (a spreadsheet the library cannot open, a reading worker that failed).
  'notRead': '{{file}} could not be read: {{detail}}',
  'notChecked': '{{file}} could not be checked: {{detail}}',
  'notPlanned': '{{file}} could not be planned: {{detail}}'
} satisfies Record<string, string>
