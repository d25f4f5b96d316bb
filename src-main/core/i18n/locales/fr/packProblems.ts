/** Contrôles d’un modèle (voir en/packProblems.ts). */
export default {} satisfies Record<string, string>
