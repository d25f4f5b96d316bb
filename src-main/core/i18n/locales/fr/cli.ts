/** Les mots du rapport de la ligne de commande, en français (`ropa check`). */
export default {
  'count.record.one': '{{count}} fiche',
  'count.record.other': '{{count}} fiches',
  'count.finding.one': '{{count}} constat',
  'count.finding.other': '{{count}} constats',
  'count.error.one': '{{count}} erreur',
  'count.error.other': '{{count}} erreurs',
  'count.warning.one': '{{count}} avertissement',
  'count.warning.other': '{{count}} avertissements',
  'check.none': 'Aucun constat sur {{records}} (à la date du {{today}}).',
  'check.summary': '{{findings}} (à la date du {{today}}) : {{errors}}, {{warnings}}, {{info}} pour information; {{withErrors}} sur {{records}} avec des erreurs.',
  'check.completeness': 'Complétude des éléments exigés par l’article 30 : {{share}}.',
  'check.byArticle': 'Par article :',
  'check.share': '{{share}} complet ({{present}} sur {{required}})',
  'check.notRequired': 'non exigé',
  'check.nothingMissing': 'rien ne manque',
  'check.organisationNotChecked': 'Le profil de l’organisme (art. 30, par. 1, point a)) ne figure pas dans un classeur : il n’a pas été vérifié; vérifiez-le dans une sauvegarde.'
} satisfies Record<string, string>
