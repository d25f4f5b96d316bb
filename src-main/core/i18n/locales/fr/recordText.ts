/** Textes écrits par un modèle dans une fiche (voir en/recordText.ts). */
export default {} satisfies Record<string, string>
