/** `storyloc check`: descrizioni delle regole, messaggi delle violazioni, report ed errori. */
export default {
  cli: {
    description: 'Controlla le traduzioni rispetto agli originali, allo stato dei segmenti e al glossario (per la CI)',
    paths: 'articoli originali, cartelle o file tradotti da controllare (predefinito: tutto lo spazio di lavoro)',
    to: 'lingua/e di arrivo da controllare (predefinito: quelle configurate)',
    format: 'formato del report',
    failOn: 'esci con 1 se c’è una violazione di questa gravità o peggiore',
    targetOnly:
      'controlla file nella lingua di arrivo senza originale (termini non tradotti, termini vietati, virgolette)',
    lang: 'lingua dei file controllati con --target-only',
    output: 'scrivi il report in questo file invece che sull’output standard',
    jobs: 'thread che controllano le traduzioni in parallelo (di norma, da 200 traduzioni in su: uno per ogni core che gli altri processi lasciano libero, misurato all’avvio, al massimo 4; 1: solo questo thread)',
  },
  rule: {
    'glossary-term':
      'Un termine del glossario presente nell’originale deve comparire nella traduzione nella forma canonica o in una variante accettata.',
    'forbidden-term': 'La traduzione non deve usare una forma vietata dal glossario.',
    'untranslated-term': 'Un termine da tradurre non deve restare nella forma della lingua di partenza.',
    'do-not-translate': 'Un termine da non tradurre deve comparire nella traduzione esattamente come nel glossario.',
    numbers:
      'Ogni numero e data dell’originale deve comparire nella traduzione, scritto secondo l’uso della lingua di arrivo.',
    'markup-parity': 'La traduzione deve conservare link, enfasi, codice in linea e immagini dell’originale.',
    quotes: 'Le virgolette devono essere bilanciate e orientate correttamente.',
    'untranslated-segment': 'Ogni segmento deve essere tradotto.',
    'not-approved': 'Ogni segmento tradotto dovrebbe essere approvato e aggiornato rispetto all’originale.',
    'flagged-segment': 'Un segmento segnalato dopo la traduzione automatica va corretto prima della pubblicazione.',
    'output-sync':
      'Il file tradotto deve corrispondere allo stato dei segmenti (le modifiche al testo tradotto vengono controllate come tali; struttura, markup e front matter devono restare).',
    'glossary-lint': 'Il glossario non deve contenere errori.',
  },
  message: {
    glossaryTerm: '“{{term}}” va tradotto con “{{expected}}” (o una variante accettata)',
    glossaryTermMissing: 'nella traduzione manca “{{term}}”',
    forbiddenTerm: '“{{term}}” è una forma vietata',
    forbiddenTermUse: '“{{term}}” è una forma vietata: usa “{{expected}}”',
    untranslatedTerm: '“{{term}}” è rimasto non tradotto: usa “{{expected}}”',
    doNotTranslateChanged: '“{{found}}” deve restare esattamente “{{expected}}” (da non tradurre)',
    doNotTranslateMissing: '“{{term}}” deve comparire nella traduzione come “{{expected}}” (da non tradurre)',
    doNotTranslateGone: 'nella traduzione manca “{{term}}” (da non tradurre)',
    numberFormat: '{{number}} è scritto secondo l’uso della lingua di partenza: scrivi {{expected}}',
    numberMissing: 'manca {{number}} dell’originale (atteso {{expected}})',
    numberChanged: '{{found}} non corrisponde a {{number}} dell’originale (atteso {{expected}})',
    numberEnglishFormat: '{{number}} è scritto all’inglese: in italiano scrivi {{expected}}',
    numberOutsideMarkup: '{{number}} è uscito dalla sua formattazione: l’originale formatta “{{marked}}” per intero',
    sourceSpelling: '“{{term}}” è la grafia della lingua di partenza: in italiano scrivi “{{expected}}”',
    markupMalformed: 'i tag in linea non sono annidati o chiusi correttamente',
    markupMissing: 'manca {{what}} {{detail}} dell’originale',
    markupDuplicated: '{{what}} {{detail}} compare più volte che nell’originale',
    markupUnknown: 'il tag {{tag}} non esiste nell’originale',
    quoteWrongDirection: 'la virgoletta {{mark}} è rivolta dalla parte sbagliata: scrivi {{expected}}',
    quoteUnclosed: 'la citazione aperta con {{mark}} non viene mai chiusa (manca {{expected}})',
    quoteUnopened: 'la virgoletta di chiusura {{mark}} non ha la sua apertura {{expected}}',
    segmentUntranslated: 'segmento non tradotto',
    segmentSameAsSource: 'la traduzione è il testo originale stesso',
    articleUntranslated: 'articolo non ancora tradotto in {{lang}} (nessuno stato dei segmenti)',
    state: {
      machine: 'traduzione automatica non ancora revisionata',
      edited: 'traduzione modificata non ancora approvata',
      rejected: 'traduzione respinta in revisione',
      stale: 'l’originale è cambiato dopo questa traduzione (obsoleta)',
      editedInOutput:
        'modificato a mano nel file tradotto e non ancora registrato per la revisione: esegui storyloc translate, poi rivedi',
    },
    flagged: 'segnalato dopo la traduzione automatica: {{flags}}',
    flag: {
      tagEmpty:
        'dopo la traduzione automatica la formattazione (tag {{tag}}) è rimasta senza parole: correggi la formattazione o ritraduci',
      linkInLink:
        'dopo la traduzione automatica il link (tag {{tag}}) è finito dentro un altro link: correggi la formattazione o ritraduci',
      intraword:
        "dopo la traduzione automatica l'enfasi con trattino basso (tag {{tag}}) è finita dentro una parola, dove Markdown non la mostra: correggi la formattazione o ritraduci",
      tagMismatch:
        'la traduzione automatica ha perso, duplicato o sbilanciato la formattazione (link, enfasi, codice) di questo segmento: correggi la formattazione o ritraduci',
      termLost:
        'il termine di glossario {{term}} è andato perso nella traduzione automatica: rimetti la sua traduzione o ritraduci',
      termDuplicated:
        'il termine di glossario {{term}} compare più di una volta dopo la traduzione automatica: togli la copia in più o ritraduci',
      placeholderUnknown:
        'la traduzione automatica ha aggiunto un segnaposto ({{placeholder}}) che non è nel testo di partenza: toglilo o ritraduci',
    },
    outputMissing: 'manca il file tradotto: rilancia la traduzione per scriverlo',
    outputDiffers:
      'qui il file tradotto non corrisponde allo stato dei segmenti (modificato a mano o non riscritto): rilancia la traduzione per registrare le modifiche',
    outputFrontMatter:
      'qui il front matter del file tradotto è stato modificato (una chiave rinominata o tolta, un delimitatore cancellato, YAML non valido): ripristinalo',
    outputStructure:
      'qui il file tradotto non ha più la struttura dell’originale (un paragrafo, un titolo o una voce di elenco aggiunti o tolti, o testo fuori dalle frasi tradotte modificato): ripristinala',
    outputEmpty:
      'il file tradotto è vuoto (troncato o sovrascritto): ripristinalo, oppure cancellalo ed esegui storyloc translate',
    outputNotText:
      'qui il file tradotto non è testo (un byte NUL o byte che non sono UTF-8): ripristinalo, oppure cancellalo ed esegui storyloc translate',
    outputMarkup:
      'qui è stato modificato il markup dell’originale (un link o il suo URL, un’enfasi, del codice in linea o un’immagine mancano o sono alterati): ripristinalo',
    glossaryLint: '{{message}} ({{code}})',
  },
  markup: {
    link: 'il link',
    autolink: 'il link',
    image: 'l’immagine',
    code: 'il codice in linea',
    html: 'l’HTML in linea',
    emphasis: 'l’enfasi',
    strong: 'il grassetto',
    delete: 'il barrato',
    break: 'l’a capo',
    tag: 'il tag',
  },
  report: {
    severity: { error: 'errore', warning: 'avviso' },
    suggestion: 'suggerimento: {{suggestion}}',
    folded_one:
      '{{message}} (e ancora {{count}} come questa nel file; tutte le posizioni con --format json, junit o sarif)',
    folded_other:
      '{{message}} (e altre {{count}} come questa nel file; tutte le posizioni con --format json, junit o sarif)',
    summary: '{{errors}}, {{warnings}} in {{files}}',
    clean: 'nessun problema in {{files}}',
    error_one: '{{count}} errore',
    error_other: '{{count}} errori',
    warning_one: '{{count}} avviso',
    warning_other: '{{count}} avvisi',
    file_one: '{{count}} file',
    file_other: '{{count}} file',
    segment: 'segmento: {{id}}',
  },
  error: {
    unknownRule: 'regola sconosciuta “{{rule}}” in check.severities; le regole sono: {{expected}}',
    notATargetLanguage: '“{{lang}}” non è una lingua di arrivo di questo spazio di lavoro ({{expected}})',
    notFound: 'file inesistente',
    noSourceArticle: 'nessun articolo originale {{article}} per questo file tradotto',
    cannotWrite: 'impossibile scrivere il report ({{detail}})',
    unreadable: 'impossibile leggerlo ({{detail}})',
    isDirectory: 'è una cartella: con --target-only indica dei file',
    targetOnlyNeedsFiles: '--target-only richiede almeno un file',
    targetOnlyNeedsLang: '--target-only richiede --lang (la lingua dei file)',
    unknownLanguage: 'lingua sconosciuta “{{lang}}”; attesa una tra {{expected}}',
    badFormat: 'formato sconosciuto “{{format}}”; atteso uno tra {{expected}}',
  },
};
