/** Avviare un workspace: `storyloc init`, `storyloc doctor`, `--version`. */
export default {
  version: 'stampa la versione di storyloc',
  init: {
    description:
      'Crea un workspace qui (o in DIR): configurazione, cartelle, un file di glossario, righe di .gitignore',
    dir: 'cartella del nuovo workspace',
    from: 'lingue di partenza, separate da virgole',
    to: 'lingue di arrivo, separate da virgole',
    ci: 'scrive anche un workflow di CI (github: .github/workflows/storyloc.yml)',
    noLanguage: '{{flag}} richiede almeno un codice di lingua.',
    unknownLanguage: '{{flag}}: "{{code}}" non è una lingua supportata (attese: {{expected}}).',
    sameLanguage: '"{{code}}" è sia lingua di partenza sia lingua di arrivo; un articolo si traduce in altre lingue.',
    exists_one:
      "storyloc init non scrive file già esistenti, e questo esiste (non è stato scritto nulla; spostalo o inizializza un'altra cartella):",
    exists_other:
      "storyloc init non scrive file già esistenti, e questi {{count}} esistono (non è stato scritto nulla; spostali o inizializza un'altra cartella):",
    created: 'Creato un workspace storyloc in {{dir}}:',
    gitignore: { created: 'creato', updated: 'righe aggiunte' },
    next: 'Poi: metti un articolo Markdown in {{articles}} ed esegui',
  },
  doctor: {
    description:
      'Dice cosa funziona in questo workspace e cosa manca, con il rimedio (uscita 0 se il motore predefinito può tradurre almeno una coppia di lingue)',
    header: 'storyloc {{version}}: doctor',
    fixPrefix: 'rimedio',
    label: {
      node: 'Node.js',
      config: 'configurazione',
      languages: 'lingue',
      engine: { apertium: 'apertium', deepl: 'deepl', pseudo: 'pseudo' },
      glossary: 'glossario',
      'deepl-glossaries': 'glossari DeepL',
      pairs: 'coppie di lingue',
      chromium: 'Chromium',
    },
    node: {
      ok: '{{version}} (storyloc richiede {{required}})',
      old: '{{version}} è troppo vecchio (storyloc richiede {{required}})',
      fix: 'installa Node.js {{required}} (per esempio da nodejs.org o con nvm)',
    },
    config: {
      ok: '{{file}} è valido',
      invalid: '{{position}}{{detail}}',
      initFix: 'esegui storyloc init qui, oppure indica --workspace DIR',
      linkFix:
        'sostituisci il collegamento con il file o la cartella stessi (storyloc non legge nulla fuori dalla cartella di lavoro attraverso un collegamento)',
      editFix: 'correggi il file in quel punto (il README, "Configuration", elenca tutte le chiavi)',
    },
    languages: 'da {{sources}} verso {{targets}}',
    apertium: {
      ok: 'può tradurre {{pairs}}',
      missing: 'non installato (comando "{{command}}" non trovato)',
      installFix: 'apt-get install apertium apertium-eng-spa apertium-spa-ita (oppure imposta engine.apertium.command)',
      noModes_one: 'installato, ma senza dati linguistici per {{pairs}}',
      noModes_other: 'installato, ma senza dati linguistici per {{pairs}}',
      modesFix:
        'installa le coppie di lingue Apertium per {{pairs}} (apt-cache search apertium), oppure traduci quegli articoli con DeepL',
    },
    deepl: {
      ok: 'chiave in {{env}} accettata da {{server}}; usati {{count}} caratteri su {{limit}} in questo periodo',
      noKey: 'nessuna chiave ({{env}} non è impostata)',
      keyFix: 'export {{env}}=… con la tua chiave API DeepL (mai in un file del workspace)',
      exhausted: 'chiave in {{env}} accettata, ma il limite di caratteri è raggiunto ({{count}} su {{limit}})',
      exhaustedFix: 'attendi il prossimo periodo di fatturazione o alza il limite nel tuo account DeepL',
      unreachable: '{{server}} non ha risposto: {{detail}}',
      authFix: 'controlla la chiave in {{env}} (una chiave Free finisce con ":fx")',
      networkFix: 'controlla la rete, un proxy, oppure engine.deepl.serverUrl nella configurazione',
    },
    pairs: {
      otherEngine: '{{pair}}: {{engine}}, il motore predefinito, qui non la traduce; {{other}} sì',
      otherEngineFix: 'traduci quegli articoli con storyloc translate --engine {{other}}',
      noEngine:
        '{{pair}}: nessun motore qui la può tradurre; i suoi articoli restano a un traduttore (translate esce con 1 finché attendono)',
      koreanFix:
        "esporta {{env}}=… con una chiave API di DeepL (DeepL traduce {{pair}}; l'Apertium di Debian non ha dati per il coreano), oppure togli la lingua da storyloc.config.yaml",
      installFix:
        'installa i dati linguistici di Apertium per {{pairKey}} (apt-cache search apertium), oppure esporta {{env}}=… con una chiave API di DeepL',
    },
    pseudo: 'sempre disponibile (un motore di prova: marca il testo invece di tradurlo)',
    glossary: {
      ok: 'nessun problema (voci: {{entries}}, file: {{files}}, in {{dir}})',
      problems: 'errori: {{errors}}, avvisi: {{warnings}} (voci: {{entries}}, file: {{files}}, in {{dir}})',
      fix: 'esegui storyloc glossary lint per vederli',
    },
    deeplGlossaries: {
      unused: 'non usati ({{env}} non è impostata e non è stato sincronizzato nulla)',
      lintFirst: 'non controllati finché il glossario ha errori',
      inSyncRemote: 'allineati al glossario (dizionari: {{dictionaries}}; verificati su DeepL)',
      inSyncRecorded: 'allineati al glossario secondo {{file}} (DeepL non interpellato)',
      outOfSyncRemote: 'modifiche da inviare: {{changes}} (dizionari previsti: {{dictionaries}}; verificati su DeepL)',
      outOfSyncRecorded: 'modifiche da inviare secondo {{file}}: {{changes}} (DeepL non interpellato)',
      failed: 'non controllati: {{detail}}',
      fix: 'esegui storyloc glossary sync',
    },
    chromium: {
      ok: '{{command}} trovato (la pagina di revisione è testata lì)',
      missing: 'non trovato (cercati {{commands}})',
      fix: 'storyloc review --serve si apre in qualsiasi browser; installa Chromium (apt-get install chromium) solo per eseguire i test della pagina di revisione',
    },
    verdict: {
      ok: 'Motore predefinito: {{engine}} ({{reason}}): può funzionare.',
      partial:
        'Motore predefinito: {{engine}} ({{reason}}): può funzionare, ma non per {{pairs}} (vedi gli avvisi sopra).',
      cannot: 'Motore predefinito: {{engine}} ({{reason}}): non può funzionare; vedi i rimedi sopra.',
      noConfig: 'Nessuna configurazione valida del workspace: nessun motore può funzionare.',
    },
  },
};
