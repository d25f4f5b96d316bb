/** Prüfungen einer Vorlage (siehe en/packProblems.ts). */
export default {} satisfies Record<string, string>
