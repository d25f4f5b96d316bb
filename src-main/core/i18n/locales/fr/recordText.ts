/** Textes écrits par un modèle dans une fiche (voir en/recordText.ts); termes juridiques du RGPD en français (docs/i18n-glossary.md). */
export default {
  'name.usingVendor': '{{activity}} (via {{vendor}})',
  'name.vendorAsIndependentController': '{{activity}} (avec {{vendor}}, responsable du traitement distinct)',
  'name.forClientsWithSubProcessor': '{{activity}} (pour nos clients, avec {{vendor}} en sous-traitant ultérieur)',

  'description.vendorDescribes': 'La politique de {{vendor}} décrit l’activité ainsi : {{description}}',
  'description.ageLimit': 'Limite d’âge : selon la politique, le service n’est pas destiné aux personnes de moins de {{age}} ans.',
  'description.specialCategories': 'Catégories particulières de données : {{statement}}',

  'evidence.vendorRole': 'Rôle de {{vendor}}',
  'evidence.ageLimit': 'Limite d’âge',
  'evidence.specialCategoryStance': 'Position sur les catégories particulières de données',
  'evidence.activityRetention': 'Conservation indiquée pour l’ensemble de l’activité',
  'evidence.confirmedSuggestion': 'Proposé par {{whose}} ; repris à notre compte',
  'evidence.vendorPolicy': 'la politique de {{vendor}}',
  'evidence.theVendorPolicy': 'la politique du fournisseur',

  'recipient.ourSubProcessor': 'Notre sous-traitant ultérieur',
  'recipient.actsAsController': 'Selon sa politique, il agit pour cette activité en tant que responsable du traitement',
  'recipient.actsAsJointController': 'Selon sa politique, il agit pour cette activité en tant que responsable conjoint du traitement',
  'recipient.namedByPolicy': 'Cité dans la politique de {{vendor}}',
  'recipient.subProcessorOf': 'Sous-traitant ultérieur de {{vendor}}',
  'recipient.service': 'Prestation : {{service}}',
  'recipient.country': 'Pays : {{country}}',

  'open.subProcessingAgreement': 'Indiquez la référence du contrat de sous-traitance ultérieure conclu avec {{vendor}} et de l’autorisation de vos clients d’y recourir (Art. 28, par. 2 et 4).',
  'open.dataProcessingAgreement': 'Indiquez la référence du contrat de sous-traitance conclu avec {{vendor}} (Art. 28, par. 3).',
  'open.controllersActedFor': 'Nommez les clients (responsables du traitement) pour le compte desquels vous agissez dans cette activité.',
  'open.transferWithoutSafeguard': 'Transfert vers {{recipient}} ({{country}}) : la politique ne nomme aucune garantie. Choisissez la garantie du chapitre V et ajoutez le transfert.',
  'open.endActionUnstated': 'La politique indique combien de temps les données sont conservées, mais pas ce qu’il en advient ensuite (effacement, anonymisation ou réexamen) ; précisez-le.',
  'open.retentionUnset': 'La conservation indiquée par la politique n’a ni durée ni critère ; définissez la conservation.',
  'open.retentionWithoutCategories': 'La politique indique une durée de conservation, mais ne nomme aucune catégorie de données à laquelle la rattacher.',
  'open.policySilent': 'La politique est muette : {{note}}',
  'open.policyVague': 'La politique est imprécise : {{note}}',

  'upgrade.notFromPack': 'La fiche n’a pas été créée à partir du pack de modèles {{pack}}.',
  'upgrade.activityRemoved': 'La version {{version}} du pack de modèles {{pack}} n’a plus l’activité « {{activity}} » : il n’y a rien à reprendre.'
} satisfies Record<string, string>
