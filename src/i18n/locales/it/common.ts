/** Messaggi comuni a tutti i comandi. */
export default {
  error: {
    prefix: 'errore',
    unexpected: 'Errore imprevisto: {{message}} (usa --debug per i dettagli)',
    at: '{{position}}: {{message}}',
  },
  usage: {
    unknownOption: 'opzione sconosciuta {{option}}; vedi --help del comando',
    unknownCommand: 'comando sconosciuto {{command}}; vedi --help',
    missingArgument: 'manca l’argomento obbligatorio {{argument}}',
    optionArgumentMissing: 'l’opzione {{option}} richiede un valore',
    invalidChoice: 'opzione {{option}}: "{{value}}" non è tra {{choices}}',
    tooManyArguments: 'troppi argomenti; vedi --help del comando',
    didYouMean: '(forse intendevi {{suggestion}}?)',
  },
  help: {
    usage: 'Uso:',
    options: 'Opzioni:',
    commands: 'Comandi:',
    arguments: 'Argomenti:',
    globalOptions: 'Opzioni globali:',
    choices: 'uno tra: {{choices}}',
    default: 'predefinito: {{value}}',
    helpOption: 'mostra l’aiuto del comando',
    helpCommand: 'mostra l’aiuto di un comando',
  },
};
