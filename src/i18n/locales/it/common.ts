/** Messaggi comuni a tutti i comandi. */
export default {
  error: {
    prefix: 'errore',
    unexpected: 'Errore imprevisto: {{message}} (usa --debug per i dettagli)',
    at: '{{position}}: {{message}}',
  },
  usage: {
    unknownOption: 'Opzione sconosciuta {{option}}. Vedi storyloc --help.',
  },
};
