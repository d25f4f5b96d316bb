/**
 * Writes the legacy-register corpus in test/fixtures/legacy/: registers as DPOs keep them
 * before they use the app (ICO template, CNIL table and fiches, DSK model, a messy English
 * sheet, a half-filled one, a Windows-1252 CSV). The migration tests and
 * `scripts/legacy-corpus-report.ts` read these files; run this script again after changing it:
 *   npx tsx scripts/generate-legacy-corpus.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ExcelJS from 'exceljs'
import * as XLSX from '@e965/xlsx'

export const LEGACY_DIR = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'legacy')
const FIXED_DATE = new Date('2024-01-15T09:00:00Z')

type Row = Array<string | number | Date | null>

async function writeXlsx(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'legacy corpus'
  workbook.created = FIXED_DATE
  workbook.modified = FIXED_DATE
  build(workbook)
  const buffer = await workbook.xlsx.writeBuffer()
  writeFileSync(resolve(LEGACY_DIR, name), new Uint8Array(buffer))
}

function addRows(sheet: ExcelJS.Worksheet, rows: Row[]): void {
  for (const row of rows) sheet.addRow(row.map((value) => value ?? null))
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy'
    })
  )
}

// ---------------------------------------------------------------- ICO controller template

const ICO_HEADINGS = [
  'Business function',
  'Purpose of processing',
  'Name and contact details of joint controller (if applicable)',
  'Categories of individuals',
  'Categories of personal data',
  'Categories of recipients',
  'Link to contract with processor',
  'Names of third countries or international organisations that personal data are transferred to (if applicable)',
  'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
  'Retention schedule (if possible)',
  'General description of technical and organisational security measures (if possible)',
  'Article 6 lawful basis for processing personal data',
  'Article 9 basis for processing special category personal data',
  'Legitimate interests for the processing (if applicable)',
  'Rights available to individuals',
  'Data Protection Impact Assessment required?'
]

async function icoController(): Promise<void> {
  await writeXlsx('ico-controller.xlsx', (workbook) => {
    const sheet = workbook.addWorksheet('Controller')
    addRows(sheet, [
      ['Record of processing activities (controller)'],
      [],
      [null, 'Name', 'Address', 'Email', 'Telephone'],
      ['Name and contact details of our organisation', 'Brightwater Housing Ltd', '12 Quay Street, Bristol BS1 4DJ', 'info@brightwater.example', '0117 496 0000'],
      ['Name and contact details of data protection officer', 'Priya Shah', '12 Quay Street, Bristol BS1 4DJ', 'dpo@brightwater.example', '0117 496 0001'],
      ['Name and contact details of representative', 'Brightwater EU SARL', '4 rue de la Paix, 75002 Paris', 'eu-rep@brightwater.example', ''],
      [],
      [],
      ICO_HEADINGS,
      [
        'HR',
        'Payroll',
        '',
        'Employees',
        'Contact details; Bank details; Salary',
        'Payroll bureau (processor)\nHMRC',
        'Payroll bureau: CON-2019-04',
        '',
        '',
        '6 years after employment ends',
        'Role-based access control; Encryption at rest',
        'Art 6(1)(c) legal obligation',
        '',
        '',
        'Right to access, rectification',
        'No'
      ],
      [
        'Marketing',
        'Newsletter',
        '',
        'Customers; Prospects',
        'Contact details',
        'Mailchimp (processor)',
        'Mailchimp: DPA 2023',
        'United States (Mailchimp)',
        'EU-US Data Privacy Framework',
        '2 years after last contact',
        'Multi-factor authentication',
        'Consent',
        '',
        '',
        '',
        'No'
      ],
      [
        'Tenancy services',
        'Managing tenancies; Rent collection',
        '',
        'Tenants',
        'Contact details; Financial information',
        'Local council\nPolice',
        '',
        '',
        '',
        '6 years',
        'Role-based access control',
        'Art 6(1)(b) contract',
        '',
        '',
        '',
        'No'
      ],
      [
        'Tenancy services',
        'Support for vulnerable tenants',
        '',
        'Tenants',
        'Contact details; Health',
        'Social services (other controller)',
        '',
        '',
        '',
        '3 yrs after tenancy ends',
        'Encryption at rest',
        'Public task',
        'Health: Art 9(2)(h)',
        '',
        '',
        'Yes'
      ],
      [
        'IT',
        'Network security monitoring',
        '',
        'Employees; Visitors',
        'Online identifiers',
        'Managed security provider - processor',
        '',
        'India (Managed security provider)',
        'Standard contractual clauses 2021, module 3',
        '12 months',
        'Logging and monitoring',
        'Legitimate interests',
        '',
        'Keeping the network safe',
        '',
        'Yes'
      ]
    ])
  })
}

// ---------------------------------------------------------------- CNIL table (.ods, French)

function writeOds(name: string, sheets: Array<{ name: string; rows: Row[]; merges?: XLSX.Range[] }>): void {
  const workbook = XLSX.utils.book_new()
  for (const { name: sheetName, rows, merges } of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true })
    if (merges) sheet['!merges'] = merges
    XLSX.utils.book_append_sheet(workbook, sheet, sheetName)
  }
  const bytes = XLSX.write(workbook, { bookType: 'ods', type: 'array' }) as ArrayBuffer
  writeFileSync(resolve(LEGACY_DIR, name), new Uint8Array(bytes))
}

function cnilTable(): void {
  writeOds('cnil-registre.ods', [
    {
      name: 'Registre',
      rows: [
        ['Registre des activités de traitement'],
        ['Responsable du traitement', 'Librairie Durand SARL', '8 rue des Lilas, 69003 Lyon', 'contact@durand.example', '04 72 00 00 00'],
        ['Délégué à la protection des données (DPO)', 'Claire Martin', '', 'dpo@durand.example', ''],
        [],
        [
          'Référence',
          'Nom du traitement',
          'Finalité(s) du traitement',
          'Base légale',
          'Catégories de personnes concernées',
          'Catégories de données',
          'Durées de conservation',
          'Destinataires',
          'Transferts hors UE',
          'Garanties',
          'Mesures de sécurité',
          'Mise à jour'
        ],
        [
          'T-01',
          'Gestion de la paie',
          'Calcul et versement des salaires',
          'Obligation légale',
          'Salariés',
          'État civil; Coordonnées bancaires',
          '5 ans après la fin du contrat',
          'Cabinet comptable (sous-traitant)\nURSSAF',
          '',
          '',
          'Accès restreint',
          new Date(2024, 2, 31)
        ],
        [
          'T-02',
          'Fichier clients',
          'Gestion des commandes; Programme de fidélité',
          'Contrat',
          'Clients',
          'Coordonnées; Historique des achats',
          '3 ans après le dernier achat',
          'Transporteur\nHébergeur (sous-traitant)',
          'États-Unis',
          'Clauses contractuelles types 2021, module 2',
          'Chiffrement',
          new Date(2023, 10, 2)
        ],
        ['T-03', 'Vidéosurveillance', 'Sécurité des locaux', 'Intérêt légitime', 'Clients; Salariés', 'Images', '30 jours', 'Police', 'Non', '', 'Accès restreint', ''],
        ['T-04', 'Recrutement', 'Sélection des candidats', 'Mesures précontractuelles', 'Candidats', 'CV; Lettre de motivation', '2 ans', 'Aucun', '', '', '', '']
      ]
    }
  ])
}

// ---------------------------------------------------------------- CNIL fiches (one sheet per activity)

function cnilFiches(): void {
  const fiche = (title: string, rows: Row[]): { name: string; rows: Row[] } => ({ name: title, rows })
  writeOds('cnil-fiches.ods', [
    fiche('Fiche 1 - Paie', [
      ['Intitulé du traitement', 'Gestion de la paie'],
      ['Référence', 'F-01'],
      ['Date de création', new Date(2019, 0, 10)],
      ['Mise à jour', new Date(2024, 5, 1)],
      ['Responsable du traitement', 'Atelier Morel SAS', '2 place Bellecour, 69002 Lyon', 'contact@morel.example'],
      ['Délégué à la protection des données', 'Luc Bernard', '', 'dpo@morel.example'],
      ['Finalité principale', 'Calcul des salaires'],
      ['Sous-finalité 1', 'Déclarations sociales'],
      ['Base légale', 'Obligation légale'],
      ['Catégories de personnes concernées', 'Salariés'],
      ['Catégories de données personnelles concernées', 'État civil', 'Coordonnées bancaires'],
      ['Durées de conservation', '5 ans après la fin du contrat'],
      ['Destinataires', 'Expert-comptable (sous-traitant)'],
      ['Transferts hors UE', 'Aucun'],
      ['Mesures de sécurité', 'Contrôle des accès; Sauvegardes']
    ]),
    fiche('Fiche 2 - Prospection', [
      ['Intitulé du traitement', 'Prospection commerciale'],
      ['Référence', 'F-02'],
      ['Finalité principale', 'Envoi de lettres d\'information'],
      ['Base légale', 'Consentement'],
      ['Catégories de personnes concernées', 'Prospects'],
      ['Catégories de données personnelles concernées', 'Coordonnées'],
      ['Durées de conservation', '3 ans après le dernier contact'],
      ['Destinataires', 'Plateforme d\'emailing (sous-traitant)'],
      ['Transferts hors UE', 'États-Unis'],
      ['Garanties', 'Data Privacy Framework'],
      ['Observations', 'À revoir en 2025']
    ])
  ])
}

// ---------------------------------------------------------------- DSK model (German)

async function dsk(): Promise<void> {
  await writeXlsx('dsk-verzeichnis.xlsx', (workbook) => {
    const sheet = workbook.addWorksheet('Verzeichnis')
    addRows(sheet, [
      ['Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)'],
      ['Verantwortlicher', 'Müller & Söhne GmbH', 'Hauptstraße 1, 10115 Berlin', 'info@mueller.example', '+49 30 1234567'],
      ['Datenschutzbeauftragter', 'Dr. Anna Weber', '', 'datenschutz@mueller.example', ''],
      [],
      [
        'Lfd. Nr.',
        'Bezeichnung der Verarbeitungstätigkeit',
        'Verantwortliche Fachabteilung',
        'Zwecke der Verarbeitung',
        'Rechtsgrundlage',
        'Kategorien betroffener Personen',
        'Kategorien personenbezogener Daten',
        'Kategorien von Empfängern',
        'Übermittlungen in Drittländer',
        'Geeignete Garantien',
        'Löschfristen',
        'Technische und organisatorische Maßnahmen'
      ],
      [
        'V-001',
        'Lohnbuchhaltung',
        'Personal',
        'Gehaltsabrechnung',
        'Art. 6 Abs. 1 lit. c DSGVO',
        'Beschäftigte',
        'Stammdaten; Bankverbindung',
        'Steuerberater (Auftragsverarbeiter)\nFinanzamt',
        '',
        '',
        '10 Jahre nach Ende des Geschäftsjahres',
        'Zugriffskontrolle'
      ],
      [
        'V-002',
        'Kundenverwaltung',
        'Vertrieb',
        'Auftragsabwicklung',
        'Vertrag',
        'Kunden',
        'Kontaktdaten; Bestellhistorie',
        'Versanddienstleister\nCloud-Anbieter (Auftragsverarbeiter)',
        'USA',
        'Standardvertragsklauseln (2021/914), Modul 2',
        '6 Jahre',
        'Verschlüsselung'
      ],
      [
        'V-003',
        'Newsletter',
        'Marketing',
        'Werbung per E-Mail',
        'Einwilligung',
        'Interessenten',
        'E-Mail-Adresse',
        'Versanddienstleister (Auftragsverarbeiter)',
        '',
        '',
        'bis zum Widerruf',
        ''
      ]
    ])
  })
}

// ---------------------------------------------------------------- a messy English register

async function messyEnglish(): Promise<void> {
  await writeXlsx('messy-register.xlsx', (workbook) => {
    const sheet = workbook.addWorksheet('Data register')
    addRows(sheet, [
      ['Northfield Community Trust – data register (last tidied 2022, sorry!)'],
      [],
      ['Activity', null, 'Purpose', 'Lawful basis', 'Data', null, null, 'Recipients', 'Transfers', null, 'Last reviewed', 'Comments', 'Risk rating'],
      ['Ref', 'Name', null, null, 'Data subjects', 'Data categories', 'Retention', null, 'Country', 'Safeguard', null, null, null],
      [],
      [
        'NCT-1',
        'Volunteer management',
        'Recruiting volunteers;\nRunning DBS checks',
        'Art 6(1)(b) contract',
        'Volunteers',
        '• Contact details\n• Criminal records',
        '3 yrs after last contact',
        'HMRC; Police; Payroll Co (processor)',
        '',
        '',
        new Date(Date.UTC(2023, 4, 17)),
        'Check DBS retention with HR',
        'High'
      ],
      [],
      [
        'NCT-2',
        'Donations',
        'Processing donations; Gift Aid claims',
        'legitimate interests',
        'Donors',
        'Contact details; Bank details',
        '6 years',
        'HMRC\nStripe (processor)',
        'USA',
        'SCCs',
        new Date(Date.UTC(2022, 10, 1)),
        '',
        'Medium'
      ],
      [
        'NCT-3',
        'Mailing list',
        'Newsletter',
        'consent',
        'Supporters',
        'Email address',
        'Until consent is withdrawn',
        'Mailchimp',
        'United States',
        'Privacy Shield',
        '',
        'Move to DPF?',
        ''
      ],
      [],
      []
    ])
    sheet.mergeCells('A3:B3')
    sheet.mergeCells('C3:C4')
    sheet.mergeCells('D3:D4')
    sheet.mergeCells('E3:G3')
    sheet.mergeCells('H3:H4')
    sheet.mergeCells('I3:J3')
    sheet.mergeCells('K3:K4')
    sheet.mergeCells('L3:L4')
    sheet.mergeCells('M3:M4')
  })
}

// ---------------------------------------------------------------- half-incomplete

async function halfIncomplete(): Promise<void> {
  await writeXlsx('half-incomplete.xlsx', (workbook) => {
    const sheet = workbook.addWorksheet('RoPA')
    addRows(sheet, [
      ['Reference', 'Processing activity', 'Purpose', 'Lawful basis', 'Data subjects', 'Data categories', 'Retention', 'Recipients', 'Owner'],
      ['R1', 'CCTV', 'Site security', '', 'Visitors', 'Images', 'TBC', '', ''],
      ['R2', 'Staff training records', '', 'TBC', '', '', '', '', 'L. Okafor'],
      ['R3', '', '', '', '', 'Contact details', '', 'Events agency', ''],
      ['R4', 'Visitor log', 'Fire safety', 'Legal obligation', 'Visitors', 'Name; Car registration', '', 'Fire service', 'Facilities']
    ])
  })
}

// ---------------------------------------------------------------- CSV in Windows-1252 with ';'

/** Windows-1252 bytes for text in Latin-1 plus the few characters the 0x80–0x9F range adds. */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c }
  return Uint8Array.from([...text].map((character) => {
    const code = character.codePointAt(0)!
    if (character in extra) return extra[character]!
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
    throw new Error(`no Windows-1252 byte for ${character}`)
  }))
}

function csvWindows1252(): void {
  const rows = [
    'Référence;Nom du traitement;Finalité(s) du traitement;Base légale;Catégories de personnes concernées;Catégories de données;Durées de conservation;Destinataires',
    'C-1;Gestion des adhérents;"Adhésions; cotisations";Contrat;Adhérents;"Identité; Coordonnées";"3 ans après la fin de l’adhésion";Trésorier (interne)',
    'C-2;Dons;Reçus fiscaux;Obligation légale;Donateurs;"Identité; Montant des dons (€)";10 ans;Administration fiscale',
    'C-3;Site web;Statistiques de fréquentation;Intérêt légitime;Visiteurs du site;Adresse IP;13 mois;Hébergeur (sous-traitant)'
  ]
  writeFileSync(resolve(LEGACY_DIR, 'adherents-windows1252.csv'), windows1252(rows.join('\r\n') + '\r\n'))
}

export async function generateLegacyCorpus(): Promise<void> {
  mkdirSync(LEGACY_DIR, { recursive: true })
  await icoController()
  cnilTable()
  cnilFiches()
  await dsk()
  await messyEnglish()
  await halfIncomplete()
  csvWindows1252()
}

if (import.meta.url === `file://${process.argv[1]}`) await generateLegacyCorpus()
