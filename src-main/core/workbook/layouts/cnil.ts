/**
 * The CNIL's "registre des activités de traitement" model, in French: one row per processing
 * (the fiche's items as columns, in the fiche's order), for the controller ("responsable du
 * traitement", art. 30, § 1) and for the processor ("sous-traitant", art. 30, § 2). Headings
 * follow the CNIL template and the French text of the GDPR (docs/i18n-glossary.md).
 */
import type { StoredRecord } from '../../records/model'
import { column, type Column } from '../register-sheets'
import type { RegisterLayout } from './index'
import type { RecordText } from './record-text'

const identity = (text: RecordText): Column<StoredRecord>[] => [
  column('reference', 'N° / REF', 11, (record) => record.reference),
  column('name', 'Nom / sigle du traitement', 28, (record) => record.name),
  column('createdAt', 'Date de création', 13, (record) => text.date(record.createdAt.slice(0, 10))),
  column('lastReviewed', 'Mise à jour', 13, (record) => text.date(record.lastReviewed)),
  column('status', 'Statut', 12, text.status)
]

export const CNIL_LAYOUT: RegisterLayout = {
  name: 'cnil',
  locale: 'fr',
  controller: {
    sheet: 'Registre des traitements',
    columns: (text) => [
      ...identity(text),
      column('businessFunction', 'Service', 16, (record) => record.businessFunction),
      column('owner', 'Responsable opérationnel', 18, (record) => record.owner),
      column('jointController', 'Responsable conjoint du traitement', 26, (record) => record.jointControllerDetails, '30(1)(a)'),
      column('purposes', 'Finalité(s) du traitement', 36, text.purposes, '30(1)(b)'),
      column('lawfulBasis', 'Base légale', 26, text.lawfulBases),
      column('dataSubjects', 'Catégories de personnes concernées', 24, text.subjects, '30(1)(c)'),
      column('dataCategories', 'Catégories de données personnelles', 28, text.categories, '30(1)(c)'),
      column('article9', 'Données sensibles', 26, text.specialCategories),
      column('retention', 'Durées de conservation', 36, text.retention, '30(1)(f)'),
      column('recipients', 'Catégories de destinataires', 28, text.recipients, '30(1)(d)'),
      column('countries', 'Transferts hors UE (destinataire, pays)', 28, text.transferDestinations, '30(1)(e)'),
      column('safeguards', 'Type de garanties', 32, text.transferSafeguards, '30(1)(e)'),
      column('documentation', 'Lien vers la documentation', 26, text.transferDocumentation),
      column('security', 'Mesures de sécurité', 36, text.security, '30(1)(g)'),
      column('nextReview', 'Prochaine revue', 13, (record) => text.date(record.nextReview))
    ]
  },
  processor: {
    sheet: 'Registre sous-traitant',
    columns: (text) => [
      ...identity(text),
      column('controllersActedFor', 'Responsables du traitement pour le compte desquels le sous-traitant agit', 30, text.controllersActedFor, '30(2)(a)'),
      column('controllerContacts', 'Coordonnées des responsables du traitement, de leurs représentants et délégués à la protection des données', 40, text.controllerContacts, '30(2)(a)'),
      column('processingCategories', 'Catégories de traitements effectués pour le compte de chaque responsable du traitement', 36, text.processingCategories, '30(2)(b)'),
      column('countries', 'Transferts hors UE (destinataire, pays)', 28, text.transferDestinations, '30(2)(c)'),
      column('safeguards', 'Type de garanties', 32, text.transferSafeguards, '30(2)(c)'),
      column('documentation', 'Lien vers la documentation', 26, text.transferDocumentation),
      column('security', 'Mesures de sécurité', 36, text.security, '30(2)(d)'),
      column('nextReview', 'Prochaine revue', 13, (record) => text.date(record.nextReview))
    ]
  }
}
