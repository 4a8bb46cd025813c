/** Stato dei segmenti, memoria di traduzione, lock, scritture, interscambio XLIFF/TMX. */
export default {
  state: {
    invalidJson: 'Il file di stato {{file}} non è JSON valido ({{detail}}). Correggilo o ripristinalo dal controllo di versione; non è stato sovrascritto nulla.',
    invalidShape: 'Il file di stato {{file}} ha un campo non valido {{field}} (atteso: {{expected}}). Correggilo o ripristinalo dal controllo di versione; non è stato sovrascritto nulla.',
    unreadable: 'Impossibile leggere il file di stato {{file}} ({{detail}}).',
    otherArticle: 'Il file di stato {{file}} appartiene a {{found}}, non a {{expected}}. Ripristinalo dal controllo di versione o eliminalo.',
  },
  write: {
    diskFull: 'Il disco è pieno durante la scrittura di {{file}}: nessun file è rimasto scritto a metà e il lavoro concluso è conservato. Libera spazio e riprova.',
    readOnly: 'Impossibile scrivere {{file}}: la cartella è di sola lettura o non scrivibile ({{detail}}). Non è stato modificato nulla.',
    failed: 'Impossibile scrivere {{file}} ({{detail}}). Nessun file è rimasto scritto a metà.',
  },
  lock: {
    busy: 'Un\'altra esecuzione di storyloc (processo {{pid}}) sta lavorando su questo workspace ({{file}}). Attendi che finisca; se il processo non esiste più, il lock viene recuperato automaticamente.',
    failed: 'Impossibile creare il lock del workspace {{file}} ({{detail}}).',
  },
  edit: {
    broken: '{{detail}}: il file tradotto è stato modificato in un modo che ne rompe la struttura. Ripristina la struttura (o il file dal controllo di versione); non è stato sovrascritto nulla.',
    paragraphCount: 'attesi {{expected}} blocchi (paragrafi, titoli, voci di elenco), trovati {{found}}',
    frontMatter: 'il front matter è danneggiato o mancante',
    frontMatterKey: 'la chiave del front matter "{{key}}" è stata modificata o rimossa',
    markup: 'il markup del segmento {{id}} è stato modificato (un link, un\'enfasi o un codice inline è rotto o mancante)',
    unchangedText: 'è stato modificato del testo fuori dai segmenti tradotti',
  },
  interchange: {
    unknownFormat: 'Formato di esportazione sconosciuto "{{format}}": usa xliff o tmx.',
    invalidXml: 'Il file {{file}} non è XML valido ({{detail}}).',
    notXliff: 'Il file {{file}} non è né XLIFF 1.2 né TMX 1.4.',
    tmxPair: 'Il file TMX {{file}} è per {{found}}; questo workspace traduce {{expected}}. Non è stato importato nulla.',
    missingAttribute: 'All\'elemento <{{element}}> manca l\'attributo {{attribute}}.',
    unknownArticle: 'articolo sconosciuto {{article}}',
    unknownId: 'id di segmento sconosciuto {{id}}',
    changedSource: 'il testo di partenza del segmento {{id}} è cambiato dopo l\'esportazione',
    badTags: 'la traduzione del segmento {{id}} non conserva i tag inline del testo di partenza',
    exported: 'Esportate {{units}} unità da {{articles}} articoli in {{file}}.',
    imported: 'Importate {{applied}} traduzioni da {{file}} ({{unchanged}} invariate, {{rejected}} non applicate).',
    notApplied: '{{file}}:{{line}}: non applicata: {{reason}}',
    tmxImported: 'Importate {{applied}} unità di traduzione da {{file}} nella memoria ({{skipped}} saltate).',
    noArticles: 'Nessun articolo tradotto da esportare (esegui prima storyloc translate).',
  },
  command: {
    export: {
      description: 'Esporta lo stato dei segmenti in XLIFF 1.2 (per gli strumenti CAT) o TMX 1.4 (unità approvate)',
      format: 'xliff o tmx',
      to: 'lingua di arrivo (predefinita: tutte quelle della configurazione)',
      output: 'scrivi in questo file invece che sullo standard output',
      articles: 'articoli da esportare (predefinito: tutti)',
    },
    import: {
      description: 'Importa un file XLIFF 1.2 tradotto (traduzioni e stati) o una memoria TMX 1.4',
      file: 'il file XLIFF o TMX',
      by: 'nome registrato come autore delle modifiche',
    },
  },
};
