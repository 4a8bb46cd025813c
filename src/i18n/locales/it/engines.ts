/** Motori di traduzione: disponibilità, errori. Una sezione per motore. */
export default {
  deepl: {
    missingKey: 'Il motore DeepL richiede una chiave di autenticazione: imposta la variabile d’ambiente {{env}}.',
    rateLimited: 'DeepL sta limitando la frequenza delle richieste (429 Too Many Requests). {{detail}}',
    server: 'Errore del server DeepL (HTTP {{status}}). {{detail}}',
    network: 'Impossibile raggiungere il server DeepL: {{detail}}',
    timeout: 'DeepL non ha risposto entro {{ms}} ms.',
    quota:
      'La quota di caratteri DeepL è esaurita (456). Il lavoro completato è stato conservato: riesegui il comando quando la quota lo consente. {{detail}}',
    auth: 'DeepL ha rifiutato la chiave di autenticazione (403): controlla {{env}}. {{detail}}',
    failed: 'La richiesta a DeepL non è riuscita: {{detail}}',
    resultCount: 'DeepL ha restituito {{received}} traduzioni per {{sent}} testi.',
  },
  apertium: {
    notInstalled:
      'Apertium non è installato (comando "{{command}}" non trovato). Installalo con: apt-get install apertium apertium-eng-spa apertium-spa-ita, oppure scegli un altro motore con --engine.',
    unsupportedPair:
      'Apertium non ha i dati per tradurre {{source}}→{{target}} (modalità installate: {{modes}}). Usa --engine deepl o --engine pseudo per questi articoli.',
  },
  select: {
    unknown: 'Motore sconosciuto "{{name}}". Valori ammessi: {{expected}}.',
  },
  reason: {
    flag: 'scelto con --engine',
    config: 'engine.default in {{file}}',
    key: '{{env}} è impostata',
    apertium: '{{env}} non impostata; apertium installato',
    none: '{{env}} non impostata; apertium non installato',
  },
};
