/**
 * The Art. 30 items' titles in English, the core's `labels` catalogue's `article.*` group (French
 * and German in `locales/<lang>/labels.ts`): the findings panel, the CLI and the checks head their
 * groups with them. A module of its own, importing nothing, so that the checks and the catalogue
 * can both read it without a cycle. What each paragraph and letter of Art. 30 asks for, in a few
 * words (shared/reference/gdpr-article30.md).
 */
export const ART30_ARTICLE_TITLES: Readonly<Record<string, string>> = {
  'Art. 30(1)': 'Controller\'s record',
  'Art. 30(1)(a)': 'Controller, joint controller, representative and DPO',
  'Art. 30(1)(b)': 'Purposes of the processing',
  'Art. 30(1)(c)': 'Categories of data subjects and of personal data',
  'Art. 30(1)(d)': 'Categories of recipients',
  'Art. 30(1)(e)': 'Transfers to third countries',
  'Art. 30(1)(f)': 'Time limits for erasure',
  'Art. 30(1)(g)': 'Technical and organisational measures',
  'Art. 30(2)': 'Processor\'s record',
  'Art. 30(2)(a)': 'Processor and the controllers it acts for',
  'Art. 30(2)(b)': 'Categories of processing for each controller',
  'Art. 30(2)(c)': 'Transfers to third countries',
  'Art. 30(2)(d)': 'Technical and organisational measures'
}
