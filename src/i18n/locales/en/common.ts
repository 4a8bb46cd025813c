/** Messages shared by every command: errors, usage, generic outcomes. */
export default {
  error: {
    prefix: 'error',
    unexpected: 'Unexpected error: {{message}} (run with --debug for details)',
    at: '{{position}}: {{message}}',
  },
  usage: {
    unknownOption: 'Unknown option {{option}}. See storyloc --help.',
  },
};
