/** Prüfprotokoll (siehe en/audit.ts). */
export default {} satisfies Record<string, string>
