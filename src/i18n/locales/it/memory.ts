/** Stato dei segmenti, memoria di traduzione, lock, scritture, interscambio XLIFF/TMX. */
export default {
  state: {
    invalidJson:
      'Il file di stato {{file}} non è JSON valido ({{detail}}). Correggilo o ripristinalo dal controllo di versione; non è stato sovrascritto nulla.',
    mergeConflict:
      'Il file di stato {{file}} contiene marcatori di conflitto di merge non risolti (riga {{line}}). Risolvi il conflitto (tieni una delle due versioni, oppure prendi il file da un ramo ed esegui di nuovo translate); non è stato sovrascritto nulla.',
    invalidShape:
      'Il file di stato {{file}} ha un campo non valido {{field}} (atteso: {{expected}}). Correggilo o ripristinalo dal controllo di versione; non è stato sovrascritto nulla.',
    unreadable: 'Impossibile leggere il file di stato {{file}} ({{detail}}).',
    otherArticle:
      'Il file di stato {{file}} appartiene a {{found}}, non a {{expected}}. Ripristinalo dal controllo di versione o eliminalo.',
    contradictionNoTarget:
      'Il file di stato {{file}} si contraddice nel segmento {{id}}: il suo stato è "{{state}}" ma non ha una traduzione. Correggilo o ripristinalo dal controllo di versione; non è stato cambiato nulla.',
    contradictionUntranslatedTarget:
      'Il file di stato {{file}} si contraddice nel segmento {{id}}: il suo stato è "untranslated" ma ha una traduzione. Correggilo o ripristinalo dal controllo di versione; non è stato cambiato nulla.',
    unknownSegment:
      "Il file di stato {{file}} ha un record per il segmento {{id}}, che {{article}} non contiene, benché lo stato dichiari di corrispondere a questa versione dell'articolo. Ripristina lo stato dal controllo di versione o eliminalo; non è stato cambiato nulla.",
  },
  write: {
    diskFull:
      'Il disco è pieno durante la scrittura di {{file}}: nessun file è rimasto scritto a metà e il lavoro concluso è conservato. Libera spazio e riprova.',
    readOnly:
      'Impossibile scrivere {{file}}: la cartella è di sola lettura o non scrivibile ({{detail}}). Non è stato modificato nulla.',
    failed: 'Impossibile scrivere {{file}} ({{detail}}). Nessun file è rimasto scritto a metà.',
  },
  lock: {
    busy: "Un'altra esecuzione di storyloc (processo {{pid}}) sta lavorando su questo workspace ({{file}}). Attendi che finisca; se il processo non esiste più, il lock viene recuperato automaticamente.",
    failed: 'Impossibile creare il lock del workspace {{file}} ({{detail}}).',
  },
  edit: {
    frontMatter:
      'Il file tradotto è stato modificato in un modo che danneggia il front matter (una chiave rinominata o rimossa, un delimitatore cancellato, YAML non valido). Ripristinalo, o ripristina il file dal controllo di versione; non è stato sovrascritto nulla.',
    structure:
      'Il file tradotto è stato modificato in un modo che ne cambia la struttura (un paragrafo, un titolo o una voce di elenco cancellati o aggiunti, o testo modificato fuori dalle frasi tradotte). Ripristina la struttura; non è stato sovrascritto nulla.',
    markup:
      "Il markup del segmento {{id}} è stato modificato nel file tradotto (un link, un'enfasi, un codice inline o un'immagine sono rotti o mancanti). Ripristina il markup; non è stato sovrascritto nulla.",
    noState:
      'Questo file tradotto non ha un file di stato ({{state}}), quindi storyloc non può distinguere il lavoro di un traduttore dal proprio. Ripristina il file di stato o sposta altrove il file tradotto; non è stato sovrascritto nulla.',
    unverifiable:
      "Questo file tradotto è stato modificato e il suo testo di partenza è cambiato dall'ultima esecuzione, e la versione da cui era stato tradotto non è più disponibile (.storyloc/sources). Ripristina il file tradotto, oppure esegui translate prima di modificare il testo di partenza; non è stato sovrascritto nulla.",
    outputEmpty:
      'Il file tradotto è vuoto (è stato troncato o sovrascritto). Ripristinalo dal controllo di versione, oppure cancellalo ed esegui translate per riscriverlo dalle traduzioni salvate; gli stati dei segmenti sono stati conservati e non è stato sovrascritto nulla.',
    outputNotText:
      'Il file tradotto non è testo (contiene un byte NUL o byte che non sono UTF-8): è stato sovrascritto da altro. Ripristinalo dal controllo di versione, oppure cancellalo ed esegui translate per riscriverlo dalle traduzioni salvate; gli stati dei segmenti sono stati conservati e non è stato sovrascritto nulla.',
  },
  interchange: {
    tmxOnePair:
      'Un file TMX contiene una sola coppia di lingue; la selezione comprende {{pairs}}. Scegli gli articoli di una sola lingua di partenza (es. articles/en) e un solo --to.',
    staleState:
      'Lo stato di {{article}} non corrisponde al testo di partenza attuale: esegui prima storyloc translate, poi importa.',
    unreadable: 'Impossibile leggere {{file}} ({{detail}}).',
    reason: {
      unknownArticle: 'nessun articolo tradotto {{article}} in questo workspace',
      unknownId: 'id di segmento sconosciuto {{id}}',
      changedSource: "il testo di partenza del segmento {{id}} è cambiato dopo l'esportazione",
      badTags: 'la traduzione del segmento {{id}} non conserva i tag inline del testo di partenza',
    },
    unknownFormat: 'Formato di esportazione sconosciuto "{{format}}": usa xliff o tmx.',
    invalidXml: 'Il file {{file}} non è XML valido ({{detail}}).',
    doctype:
      'Il file {{file}} dichiara un DOCTYPE: i file XLIFF e TMX non ne hanno mai bisogno, e un DTD può definire entità che si espandono o leggono altri file, quindi storyloc lo rifiuta. Togli la dichiarazione <!DOCTYPE …>; non è stato importato nulla.',
    notXliff: 'questo file non è né XLIFF 1.2 né TMX 1.4.',
    tmxPair:
      'Il file TMX {{file}} è per {{found}}; questo workspace traduce {{expected}}. Non è stato importato nulla.',
    missingAttribute: "All'elemento <{{element}}> manca l'attributo {{attribute}}.",
    exported: 'Esportato in {{file}}: unità {{units}}, articoli {{articles}}.',
    imported:
      'Importato da {{file}}: traduzioni applicate {{applied}}, invariate {{unchanged}}, non applicate {{rejected}}.',
    notApplied: '{{file}}:{{line}}: non applicata: {{reason}}',
    tmxImported: 'Importate {{applied}} unità di traduzione da {{file}} nella memoria ({{skipped}} saltate).',
    noArticles: 'Nessun articolo tradotto da esportare (esegui prima storyloc translate).',
  },
  command: {
    export: {
      description: 'Esporta lo stato dei segmenti in XLIFF 1.2 (per gli strumenti CAT) o TMX 1.4 (unità approvate)',
      format: 'xliff (tutti i segmenti, per gli strumenti CAT) o tmx (unità approvate); obbligatorio',
      formatMissing:
        'Scegli un formato: --format xliff (tutti i segmenti, per gli strumenti CAT) o --format tmx (unità approvate).',
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
