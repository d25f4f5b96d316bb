/** Raisons de l’assistant de rédaction et textes qu’il écrit dans un pack (voir en/draftReasons.ts). */
import FR_DRAFTING from './drafting.json'
import { draftFieldEntries } from '../en/draftReasons'

/** French spacing: a no-break space before : ; ? ! » and after «, so that no line starts with one of them. */
const spacedInFrench = (texts: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, text.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0')]))

const texts = {
  names: 'nomme « {{wording}} »',
  purposeStated: 'dit à quoi servent les données ; {{basis}}',
  purposeListed: 'listée sous une phrase sur l’utilisation des données ; {{basis}}',
  statesBasis: 'indique la base légale : {{basis}}',
  noBasis: 'aucune base légale indiquée',
  'basis.a': 'consentement',
  'basis.b': 'contrat',
  'basis.c': 'obligation légale',
  'basis.d': 'intérêts vitaux',
  'basis.e': 'mission d’intérêt public',
  'basis.f': 'intérêts légitimes',
  statesPeriod: 'indique une durée : « {{period}} »',
  statesCriterion: 'dit combien de temps les données sont conservées, sans durée fixe',
  sharedWith: 'des données sont communiquées à « {{wording}} »',
  sharedWithCapacityUnknown: 'des données sont communiquées à « {{wording}} » ; la politique ne dit pas à quel titre',
  abbreviatedKind: 'un type de prestataire que la politique nomme et abrège : « {{name}} »',
  listedService: 'un service nommé dans une liste de la politique',
  namedProvider: 'un prestataire nommé dans une phrase sur les prestataires : « {{name}} »',
  countryInTransfer: 'nomme « {{country}} » dans une phrase sur la destination des données',
  safeguardWithoutCountry: 'nomme une garantie pour le transfert sans nommer de pays',
  encryptionUnspecified: 'mentionne le chiffrement sans préciser s’il s’applique au stockage ou à la transmission',
  controllerStated: 'dit qui est le responsable du traitement',
  processorStated: 'dit que des données sont traitées pour le compte des clients',
  activityHeading: 'un titre sur l’utilisation des données',
  vendorGiven: 'nomme le fournisseur que vous avez indiqué',
  vendorRepeated: 'le nom que la politique répète le plus ({{count}} fois)',
  vendorEntity: 'une entité juridique qui porte le nom du fournisseur',
  fromPack: 'issue du pack {{id}} {{version}}',
  quotedByYou: 'citée par vous',
  nothingFound: 'Rien trouvé dans la politique pour « {{field}} » : elle est peut-être muette sur ce point. Vérifiez avant de vous fier au pack.',
  silentGap: 'L’assistant de rédaction n’a rien trouvé dans la politique sur {{what}} ; l’auteur n’a rien accepté. Vérifiez la politique.',
  'what.lawfulBasis': 'la base légale de cette finalité',
  'what.legitimateInterest': 'l’intérêt légitime que sert cette finalité',
  'what.subProcessorCountry': 'le pays de ce sous-traitant ultérieur',
  'what.transferInstrument': 'l’instrument (la garantie) de ce transfert',
  'what.transferCountry': 'le pays de destination de ce transfert',
  'what.dataCategories': 'les catégories de données à caractère personnel',
  'what.dataSubjects': 'les personnes concernées',
  'what.retention': 'la durée de conservation des données',
  'what.recipients': 'les destinataires des données',
  'what.transfers': 'les transferts hors de l’EEE',
  'what.securityMeasures': 'les mesures de sécurité',
  roleNotStated:
    'La politique ne dit pas si {{vendor}} agit en tant que responsable du traitement ou sous-traitant ; le brouillon le considère comme responsable du traitement, car une politique de confidentialité décrit les traitements propres du fournisseur. Vérifiez-le.',
  processingDescribedIn: 'Traitement décrit dans {{title}}',
  notStatedInPolicy: 'Non indiqué dans la politique',
  oneRetentionRule: 'une activité n’a qu’une règle de conservation ; « {{quote}} » a été omis : placez-le dans une activité à part pour le garder',
  vendorNoQuote: 'Fournisseur « {{name}} » : aucune citation',
  vendorQuoteNotInText: 'Fournisseur « {{name}} » : citation absente du texte (« {{quote}} »)',
  itemNoQuote: '{{activity}} › {{item}} : aucune citation',
  itemQuoteNotInText: '{{activity}} › {{item}} : citation absente du texte (« {{quote}} »)',
  activityNotInText: 'Activité « {{name}} » : ses citations ne figurent pas dans le texte',
  'kept.fieldGaps': 'les lacunes sur des champs entiers, avec leurs notes (les lacunes sur un seul élément sont refaites)',
  'kept.contacts': 'les contacts du fournisseur',
  'kept.specialCategories': 'les catégories particulières',
  'kept.retentionPerCategory': 'la conservation par catégorie de données',
  'kept.statements': 'l’âge minimal, les décisions automatisées, la source des données et les déclarations sur les données sensibles'
}

export default { ...spacedInFrench(texts), ...draftFieldEntries(FR_DRAFTING.fields) } satisfies Record<string, string>
