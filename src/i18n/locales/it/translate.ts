/** storyloc translate: opzioni, riepilogo, piano, errori. */
export default {
  command: {
    description: 'Traduce gli articoli nelle lingue di arrivo: prima la memoria, poi il motore, con il glossario applicato',
    articles: 'articoli o cartelle da tradurre (predefinito: tutti gli articoli in articles/)',
    to: 'lingua/e di arrivo, separate da virgole (predefinito: targetLanguages della configurazione)',
    engine: 'motore: deepl, apertium, pseudo o none (predefinito: engine.default della configurazione, altrimenti automatico)',
    dryRun: 'mostra le richieste e i caratteri fatturati senza chiamare il motore',
    maxChars: 'non inviare mai più di N caratteri fatturati in questa esecuzione',
    concurrency: 'richieste in corso contemporaneamente',
    json: 'stampa il riepilogo (o, con --dry-run, il piano) come un unico oggetto JSON',
  },
  engineInjected: 'fornito dal chiamante',
  summary: {
    engine: 'Motore: {{engine}} ({{reason}})',
    counts: '{{articles}} articoli, {{segments}} segmenti: {{reused}} riutilizzati ({{fromMemory}} dalla memoria), {{sent}} testi inviati ({{duplicates}} duplicati inviati una volta), {{untranslated}} non tradotti',
    countsDryRun: '{{articles}} articoli, {{segments}} segmenti: {{reused}} riutilizzati ({{fromMemory}} dalla memoria), {{sent}} testi da inviare ({{duplicates}} duplicati inviati una volta), {{untranslated}} ancora senza traduzione',
    edits: '{{humanEdits}} modifiche umane registrate, {{stale}} segmenti diventati obsoleti',
    cost: '{{billed}} caratteri fatturati in {{requests}} richieste ({{retries}} ripetizioni), {{seconds}} s',
    written: '{{count}} file tradotti scritti',
    dryRun: 'Prova: non è stato inviato né scritto nulla.',
    plan: 'Da inviare: {{requests}} richieste, {{sent}} testi, {{billed}} caratteri fatturati',
    overBudget: 'Altri {{count}} testi restano per un\'esecuzione successiva: non rientrano nel limite di --max-chars.',
    batch: '  richiesta {{index}}: {{pair}}, {{texts}} testi per {{segments}} segmenti, {{billed}} caratteri fatturati, {{bytes}} byte',
  },
  interrupt: {
    draining: 'Interruzione: nessuna nuova richiesta; attendo che finiscano le richieste in corso (sono già pagate). Premi di nuovo Ctrl-C per uscire subito.',
  },
  error: {
    unknownTarget: 'Lingua di arrivo sconosciuta "{{code}}". Usa un codice di lingua come it.',
    badNumber: 'Valore {{value}} non valido per {{option}}: serve un numero intero positivo.',
    noArticles: 'Nessun articolo trovato in {{given}}.',
    brokenList: 'I file tradotti qui sotto sono stati modificati in modi che storyloc non riesce a ricondurre ai segmenti; non è stato scritto né inviato nulla:',
    brokenItem: '  {{position}}: {{message}}',
  },
};
