/** Messages shared by every command: errors, usage, generic outcomes. */
export default {
  error: {
    prefix: 'error',
    unexpected: 'Unexpected error: {{message}} (run with --debug for details)',
    at: '{{position}}: {{message}}',
  },
  usage: {
    unknownOption: "unknown option {{option}}; see the command's --help",
    unknownCommand: 'unknown command {{command}}; see --help',
    missingArgument: 'missing required argument {{argument}}',
    optionArgumentMissing: 'option {{option}} needs a value',
    invalidChoice: 'option {{option}}: "{{value}}" is not one of {{choices}}',
    tooManyArguments: "too many arguments; see the command's --help",
    didYouMean: '(did you mean {{suggestion}}?)',
  },
  help: {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    globalOptions: 'Global options:',
    choices: 'one of: {{choices}}',
    default: 'default: {{value}}',
    helpOption: 'show help for the command',
    helpCommand: 'show help for a command',
  },
};
