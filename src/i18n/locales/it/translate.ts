/** storyloc translate: opzioni, riepilogo, piano, errori. */
export default {
  command: {
    description:
      'Traduce gli articoli nelle lingue di arrivo: prima la memoria, poi il motore, con il glossario applicato',
    articles: 'articoli o cartelle da tradurre (predefinito: tutti gli articoli in articles/)',
    to: 'lingua/e di arrivo, separate da virgole (predefinito: targetLanguages della configurazione)',
    engine:
      'motore: deepl, apertium, pseudo o none (predefinito: engine.default della configurazione, altrimenti automatico)',
    dryRun: 'mostra le richieste e i caratteri fatturati senza chiamare il motore',
    maxChars: 'non inviare mai più di N caratteri fatturati in questa esecuzione',
    concurrency: 'richieste in corso contemporaneamente',
    json: 'stampa il riepilogo (o, con --dry-run, il piano) come un unico oggetto JSON',
    by: "nome registrato sulle modifiche a mano trovate nel file tradotto (predefinito: git user.name <user.email>, altrimenti l'utente del sistema)",
  },
  engineInjected: 'fornito dal chiamante',
  /** nomi contati: i18next sceglie _one o _other da {{count}} */
  unit: {
    article_one: '{{count}} articolo',
    article_other: '{{count}} articoli',
    segment_one: '{{count}} segmento',
    segment_other: '{{count}} segmenti',
    text_one: '{{count}} testo',
    text_other: '{{count}} testi',
    duplicate_one: '{{count}} duplicato',
    duplicate_other: '{{count}} duplicati',
    request_one: '{{count}} richiesta',
    request_other: '{{count}} richieste',
    retry_one: '{{count}} ripetizione',
    retry_other: '{{count}} ripetizioni',
    billed_one: '{{count}} carattere fatturato',
    billed_other: '{{count}} caratteri fatturati',
    humanEdit_one: '{{count}} modifica umana registrata',
    humanEdit_other: '{{count}} modifiche umane registrate',
    stale_one: '{{count}} segmento diventato obsoleto',
    stale_other: '{{count}} segmenti diventati obsoleti',
    file_one: '{{count}} file tradotto scritto',
    file_other: '{{count}} file tradotti scritti',
    character_one: '{{count}} carattere',
    character_other: '{{count}} caratteri',
  },
  summary: {
    engine: 'Motore: {{engine}} ({{reason}})',
    counts:
      '{{articles}}, {{segments}}: {{reused}} riutilizzati ({{fromMemory}} dalla memoria), {{sent}} inviati ({{duplicates}} inviati una volta), {{untranslated}} non tradotti',
    countsDryRun:
      '{{articles}}, {{segments}}: {{reused}} riutilizzati ({{fromMemory}} dalla memoria), {{sent}} da inviare ({{duplicates}} inviati una volta), {{untranslated}} ancora senza traduzione',
    edits: '{{humanEdits}}, {{stale}}',
    cost: '{{billed}} in {{requests}} ({{retries}}), {{seconds}} s',
    written: '{{files}}',
    dryRun: 'Prova: non è stato inviato né scritto nulla.',
    plan: 'Da inviare: {{requests}}, {{sent}}, {{billed}}',
    overBudget: "Altri {{count}} testi restano per un'esecuzione successiva: non rientrano nel limite di --max-chars.",
    batch: '  richiesta {{index}}: {{pair}}, {{texts}} per {{segments}}, {{billed}}, {{bytes}} byte',
    dryRunOffline:
      'DeepL non è stato contattato: una prova a secco pianifica e conta soltanto, senza chiave e senza rete.',
    planCharacters: '{{requests}}, {{sent}}, {{characters}} da inviare ({{billed}})',
    writtenUntranslated_one: '{{count}} file scritto con segmenti ancora nella lingua di partenza (mai tradotti)',
    writtenUntranslated_other: '{{count}} file scritti con segmenti ancora nella lingua di partenza (mai tradotti)',
    skipped_one: 'Fatto, con {{count}} articolo lasciato a un traduttore (elencato sopra).',
    skipped_other: 'Fatto, con {{count}} articoli lasciati a un traduttore (elencati sopra).',
  },
  skipped: {
    article: '{{position}}: lasciato a un traduttore, non è stato scritto nulla: {{message}}',
    pair: '{{position}}: lasciato a un traduttore ({{pair}}): {{message}}',
  },
  warning: {
    untranslatableBlock:
      '{{position}}: avviso: questo blocco resta nella lingua di origine: storyloc non riesce a ricollocarne il testo nel file con esattezza ({{reason}}). Semplificane il Markdown e verificalo con storyloc segment.',
    skippedUnknownFolder:
      '{{folder}}: avviso: non tradotto: non è la cartella di una lingua di origine configurata (sourceLanguages: {{languages}}); {{stories}} articoli esclusi',
    skippedHidden: '{{file}}: avviso: non tradotto: è un file nascosto (il nome comincia con un punto)',
    skippedLinkedFolder:
      '{{file}}: avviso: non tradotto: è un collegamento simbolico a una cartella (i collegamenti a cartelle non vengono seguiti; indica gli articoli che contiene, oppure sostituisci il collegamento con la cartella)',
  },
  interrupt: {
    draining:
      'Interruzione: nessuna nuova richiesta; attendo che finiscano le richieste in corso (sono già pagate). Premi di nuovo Ctrl-C per uscire subito.',
    drainingSignal:
      'Arresto ({{signal}}): nessuna nuova richiesta; attendo che finiscano le richieste in corso (sono già pagate). Invia di nuovo {{signal}} per uscire subito.',
  },
  error: {
    unknownTarget: 'Lingua di arrivo sconosciuta "{{code}}". Usa un codice di lingua come it.',
    badNumber: 'Valore {{value}} non valido per {{option}}: serve un numero intero positivo.',
    noArticles: 'Nessun articolo trovato in {{given}}.',
    brokenList:
      'I file tradotti qui sotto sono stati modificati in modi che storyloc non riesce a ricondurre ai segmenti; non è stato scritto né inviato nulla:',
    brokenItem: '  {{position}}: {{message}}',
  },
};
