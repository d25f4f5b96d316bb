/** Abgelehnte Dateien (siehe en/fileProblems.ts). */
export default {} satisfies Record<string, string>
