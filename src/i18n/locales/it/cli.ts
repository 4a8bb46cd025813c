/** Aiuto e messaggi dei comandi di base. */
export default {
  description: 'Traduci articoli Markdown con glossario, memoria di traduzione, revisione e controlli in CI.',
  exitCodes:
    'Codici di uscita: 0 fatto; 1 problemi trovati, oppure fatto con alcuni articoli lasciati a un traduttore; 2 errore di uso, di configurazione o di input; 130 interrotto (Ctrl-C).',
  helpLimits:
    '\nLimiti (in storyloc.config.yaml; 0 toglie un limite):\n  limits.maxBlockChars (predefinito {{maxBlockChars}} caratteri): un paragrafo, titolo, voce di elenco o cella\n  limits.maxNestingDepth (predefinito {{maxNestingDepth}} livelli): citazioni ed elenchi annidati l’uno nell’altro\nUn articolo oltre un limite viene rifiutato, indicando file e riga.\n\nCodici di uscita: 0 fatto; 1 problemi trovati, o fatto con alcuni articoli rimasti; 2 errore di uso, configurazione o input;\n  130 interrotto (Ctrl-C); 143 fermato da SIGTERM; 129 fermato da SIGHUP.\n',
  option: {
    workspace: 'cartella di lavoro (predefinita: cercata dalla cartella corrente verso l’alto)',
    uiLang: 'lingua dei messaggi (predefinita: da LANG, altrimenti en)',
    debug: 'mostra lo stack degli errori',
    sourceLang:
      'lingua di origine del file (predefinita: da articles/<lingua>/ o dal lang del front matter, altrimenti en)',
    json: 'stampa in JSON',
  },
  segment: {
    description: 'Elenca i segmenti di un articolo (id, tipo, riga, testo)',
    file: 'l’articolo Markdown',
    header: '{{count}} segmenti in {{file}}',
    warning: '{{position}}: avviso: blocco lasciato non tradotto ({{reason}})',
  },
  roundtrip: {
    description:
      'Analizza, segmenta e ricompone i file con la traduzione identica; esce con 1 se non sono identici byte per byte',
    files: 'file Markdown',
    ok: 'ok: {{file}} ({{segments}} segmenti) torna identico byte per byte',
    differs:
      '{{file}}:{{line}}:{{column}}: differisce dopo la ricomposizione: atteso {{expected}}, ottenuto {{actual}}',
    summary: '{{ok}} file identici su {{total}}',
    verbose: 'stampa anche una riga per ogni file che torna identico byte per byte (di norma: differenze e riepilogo)',
    jobs: 'thread che controllano i file in parallelo (di norma, da 64 file in su: uno per ogni core che gli altri processi lasciano libero, misurato all’avvio, al massimo 4; 1: solo questo thread)',
  },
  error: {
    badJobs: '--jobs deve essere un numero intero da 1 a 64, non “{{value}}”',
  },
};
