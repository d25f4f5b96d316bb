/** Fichiers refusés (voir en/fileProblems.ts). */
export default {} satisfies Record<string, string>
