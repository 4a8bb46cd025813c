/** `storyloc glossary add`: una nuova voce del glossario dalla riga di comando. */
export default {
  description:
    'Aggiunge una voce a un file di glossario (validata e controllata; il file conserva formattazione e commenti)',
  optionId: 'l\'id della voce (lettere, cifre, ".", "_", "-")',
  optionType: 'che cosa è il termine',
  optionForm: 'la forma canonica in una lingua, per esempio --form it=La regina delle lacrime (ripetere per lingua)',
  optionVariant:
    "un'altra grafia dell'originale riconosciuta come il termine, per esempio --variant en=Queen Of Tears (ripetibile)",
  optionNote: 'una nota per chi traduce',
  optionDoNotTranslate: "il termine resta com'è in ogni lingua",
  optionFile:
    'il file di glossario da scrivere (predefinito: glossary/<tipo>.yaml secondo il tipo, per esempio people.yaml)',
  badPair: '{{flag}} "{{value}}": atteso LINGUA=TESTO, per esempio {{flag}} en=Queen of Tears.',
  twoForms:
    'Due valori --form per "{{lang}}": una voce ha una sola forma canonica per lingua (aggiungi l\'altra con --variant).',
  fileOutside:
    '{{file}} non è un file .yaml direttamente nella cartella del glossario {{dir}}; solo quei file formano il glossario.',
  badFile: 'Impossibile aggiungere a {{file}}: non è YAML valido ({{detail}}). Esegui storyloc glossary lint.',
  duplicateId: 'L\'id "{{id}}" è già in uso ({{where}}). Scegli un altro id o modifica quella voce.',
  invalid: 'La voce "{{id}}" non è stata aggiunta (non è stato scritto nulla): {{message}}',
  notLoaded: 'non è valida secondo lo schema del glossario',
  added: 'Aggiunta {{id}} in {{place}}.',
  addedNewFile: 'Aggiunta {{id}} in {{place}} (un nuovo file di glossario).',
  noneStale: 'Nessun segmento tradotto diventa obsoleto.',
  stale: '{{segments}} diventano obsoleti, in {{stories}}:',
  translatedSegments_one: '{{count}} segmento tradotto',
  translatedSegments_other: '{{count}} segmenti tradotti',
  stories_one: '{{count}} articolo',
  stories_other: '{{count}} articoli',
  segments_one: '{{count}} segmento',
  segments_other: '{{count}} segmenti',
  translateNext: 'Il prossimo storyloc translate li traduce di nuovo e conserva il vecchio testo per la revisione.',
};
