/** Texte, die eine Vorlage in einen Eintrag schreibt (siehe en/recordText.ts). */
export default {} satisfies Record<string, string>
