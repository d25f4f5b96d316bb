/** Files the app refuses to read (workbooks, spreadsheets, backups). */
export default {} satisfies Record<string, string>
