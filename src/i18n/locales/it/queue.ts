/** La coda di traduzione: avanzamento, pause, motivo dell'interruzione, piano della prova a vuoto. */
export default {
  progress: {
    bar: '{bar} {percentage}% | {value}/{total} segmenti | {characters} caratteri{etaText}',
    eta: ' | tempo rimanente {{eta}}',
    start: 'Traduzione in corso: segmenti {{segments}}, richieste {{requests}}, caratteri {{characters}}…',
    line: 'Tradotti: segmenti {{done}}/{{total}} ({{percent}}%), caratteri {{characters}}, nuovi tentativi {{retries}}',
    backoff: 'Il motore ha segnalato {{reason}}: tutte le richieste sono sospese per {{seconds}} s.',
  },
  reason: {
    'rate-limited': 'troppe richieste (429)',
    server: 'un errore del server',
    network: 'un errore di rete',
    quota: 'la quota esaurita',
    auth: 'un errore di autenticazione',
    fatal: 'un errore',
  },
  stopped: {
    quota:
      'La quota del motore è esaurita: invio interrotto. {{done}} testi sono tradotti e salvati; esegui di nuovo lo stesso comando quando la quota lo consente per tradurre i restanti {{remaining}}.',
    auth: 'Il motore ha rifiutato la chiave di autenticazione: invio interrotto. {{done}} testi sono tradotti e salvati; correggi la chiave ed esegui di nuovo per tradurre i restanti {{remaining}}.',
    interrupted:
      'Interrotto: {{done}} testi sono tradotti e salvati; esegui di nuovo lo stesso comando per tradurre i restanti {{remaining}}.',
    budget:
      'Il budget di {{budget}} caratteri fatturati è raggiunto: {{remaining}} testi non sono stati inviati. Esegui di nuovo con un --max-chars più alto per continuare.',
    failed:
      'Il motore continua a fallire ({{message}}): invio interrotto dopo {{retries}} nuovi tentativi. {{done}} testi sono tradotti e salvati; esegui di nuovo per tradurre i restanti {{remaining}}.',
  },
  plan: {
    summary:
      '{{requests}} richieste, {{texts}} testi ({{duplicates}} duplicati inviati una volta sola), {{characters}} caratteri fatturati',
    tooLarge: '{{count}} testi superano la dimensione massima di una richiesta e non saranno inviati.',
  },
};
