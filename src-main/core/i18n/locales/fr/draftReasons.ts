/** Raisons de l’assistant de rédaction (voir en/draftReasons.ts). */
export default {} satisfies Record<string, string>
