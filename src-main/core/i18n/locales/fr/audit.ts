/** Journal d’audit (voir en/audit.ts). */
export default {} satisfies Record<string, string>
