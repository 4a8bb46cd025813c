/** Il glossario: problemi della terminologia, ricerca dei termini, sincronizzazione con DeepL, elenco. */
export default {
  cli: {
    description: 'Gestisce la terminologia: controllo, ricerca, sincronizzazione con DeepL, elenco, dettaglio',
    json: 'stampa JSON invece del testo',
    lint: {
      description:
        'Controlla i file del glossario (schema, duplicati, forme in conflitto, forme di destinazione mancanti)',
      files: 'file del glossario da controllare (predefinito: tutti i glossary/*.yaml dello spazio di lavoro)',
    },
    match: {
      description: 'Mostra i termini del glossario trovati negli articoli',
      files: 'file degli articoli',
      header: '{{file}}: {{count}} termine/i',
      none: '{{file}}: nessun termine del glossario',
    },
    sync: {
      description: 'Mantiene i glossari DeepL allineati alla terminologia',
      dryRun: 'stampa il piano senza modificare nulla su DeepL',
    },
    list: { description: 'Elenca le voci del glossario' },
    show: { description: 'Mostra una voce e gli articoli che la usano', id: 'id della voce' },
  },
  severity: { error: 'errore', warning: 'avviso' },
  problem: {
    line: '{{position}}: {{severity}}: {{message}} [{{code}}]',
    yaml: 'YAML non valido: {{detail}}',
    binary: 'non è un file di testo (contiene un byte NUL; UTF-16 non è supportato): salvalo come YAML in UTF-8',
    encoding: 'non è testo UTF-8 valido: salva il file in UTF-8',
  },
  error: {
    unreadable: 'Impossibile leggere il file del glossario {{file}} ({{detail}}).',
    unknownEntry: 'Nessuna voce del glossario ha l’id "{{id}}". Esegui storyloc glossary list per vedere gli id.',
    invalid_one: 'Il glossario contiene {{count}} errore, in {{first}}: {{message}}. Esegui storyloc glossary lint.',
    invalid_other:
      'Il glossario contiene {{count}} errori, il primo in {{first}}: {{message}}. Esegui storyloc glossary lint.',
  },
  schema: {
    required: '{{where}}: la proprietà "{{property}}" è obbligatoria',
    unknownProperty: '{{where}}: proprietà sconosciuta "{{property}}" (previste: {{expected}})',
    type: '{{where}}: previsto un valore di tipo {{expected}}',
    enum: '{{where}}: "{{value}}" non è ammesso (valori previsti: {{expected}})',
    language: '{{where}}: codice di lingua sconosciuto "{{code}}" (supportati: {{expected}})',
    id: '{{where}}: l’id "{{value}}" non è valido (lettere, cifre, ".", "_" e "-", iniziando con una lettera o una cifra)',
    version: '{{where}}: versione del formato {{value}} non supportata (prevista 1)',
    noForms: '{{where}}: una voce richiede almeno una forma',
    caseSensitive: '{{where}}: previsto true, false oppure una mappa da codici di lingua a true/false',
    other: '{{where}}: {{detail}}',
  },
  lint: {
    duplicateId: 'l’id "{{id}}" è già usato in {{otherPlace}}',
    conflictingTargets:
      '"{{form}}" ({{lang}}) porta a "{{target}}" qui ma a "{{otherTarget}}" nella voce "{{otherId}}" in {{otherPlace}} ({{targetLang}}): tieni una sola voce o rendi diverse le forme',
    duplicateForm:
      '"{{form}}" ({{lang}}) è anche una forma della voce "{{otherId}}" in {{otherPlace}}, con la stessa destinazione',
    variantIsOtherForm:
      'la variante "{{form}}" ({{lang}}) è la forma canonica della voce "{{otherId}}" in {{otherPlace}}',
    redundantVariant: 'la variante "{{form}}" ({{lang}}) ripete la forma canonica',
    emptyForm: 'voce "{{id}}": {{part}} è vuoto',
    paddedForm: 'voce "{{id}}": {{part}} contiene spazi superflui, tabulazioni o a capo: {{form}}',
    missingTargetForm:
      'la voce "{{id}}" non ha una forma per la lingua di destinazione {{lang}} (aggiungi forms.{{lang}} oppure doNotTranslate: true)',
    noSourceForm:
      'la voce "{{id}}" non ha forme in nessuna lingua di partenza ({{langs}}): non potrà mai essere trovata in un articolo',
    forbiddenIsAccepted:
      'la forma vietata "{{form}}" ({{lang}}) è una forma accettata della voce "{{otherId}}" in {{otherPlace}}',
    clean: 'Glossario senza problemi: {{entries}} in {{files}}.',
    summary: '{{errors}}, {{warnings}}: {{entries}} in {{files}}.',
    error_one: '{{count}} errore',
    error_other: '{{count}} errori',
    warning_one: '{{count}} avviso',
    warning_other: '{{count}} avvisi',
    entry_one: '{{count}} voce',
    entry_other: '{{count}} voci',
    file_one: '{{count}} file',
    file_other: '{{count}} file',
  },
  sync: {
    noKey: 'Nessuna chiave DeepL: imposta la variabile d’ambiente {{env}} (la chiave non viene mai salvata).',
    offline:
      'Nessuna chiave DeepL in {{env}}: questo piano si basa sullo stato registrato ({{file}}) e non è stato verificato con DeepL.',
    dryRunHeader: 'Piano (prova, nessuna modifica su DeepL):',
    createGlossary: 'crea il glossario {{name}} con {{pairs}} ({{count}} voci)',
    replaceDictionary: 'sostituisce il dizionario {{pair}} ({{count}} voci)',
    keepDictionary: 'mantiene il dizionario {{pair}} ({{count}} voci, invariato)',
    deleteDictionary: 'elimina il dizionario {{pair}} (coppia non più configurata o vuota)',
    deleteGlossaryUnused: 'elimina il glossario {{name}} ({{id}}): non serve più',
    deleteGlossaryOrphan: 'elimina il glossario {{name}} ({{id}}): lasciato da un’esecuzione precedente',
    nothing: 'Niente da sincronizzare: la terminologia non ha voci per le coppie configurate.',
    done: 'Glossari DeepL allineati ({{changes}} modifica/he); registrato in {{file}}.',
    failed: 'Sincronizzazione del glossario DeepL non riuscita: {{detail}}',
    badState:
      'Il registro di sincronizzazione {{file}} non è JSON valido: correggilo o eliminalo, poi esegui di nuovo storyloc glossary sync.',
    lintErrors: 'Il glossario contiene errori: correggili prima di sincronizzare (storyloc glossary lint).',
    v2Header: 'Glossari v2 (una sola coppia) presenti nell’account, lasciati invariati ({{count}}):',
    v2Glossary: '{{name}} ({{id}}): {{pair}}, {{count}} voci',
  },
  list: {
    empty: 'Il glossario è vuoto.',
    count: '{{count}} voci',
  },
  show: {
    type: 'tipo',
    forms: 'forme',
    variants: 'varianti',
    forbidden: 'vietate',
    doNotTranslate: 'da non tradurre',
    caseSensitive: 'maiuscole/minuscole rilevanti',
    note: 'nota',
    defined: 'definita in',
    hash: 'hash',
    usedIn: 'Usata in {{count}} articolo/i:',
    usage: '  {{file}}: {{count}} volta/e, riga/he {{lines}}',
    notUsed: 'Non usata in nessun articolo.',
    yes: 'sì',
    no: 'no',
  },
};
