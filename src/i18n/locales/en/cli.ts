/** Command-line help and output of the foundation commands. */
export default {
  description: 'Translate Markdown news stories with a glossary, translation memory, review and CI checks.',
  exitCodes:
    'Exit codes: 0 done; 1 findings, or done with some articles left for a translator; 2 usage, config or input error; 130 interrupted (Ctrl-C).',
  helpLimits:
    '\nLimits (set in storyloc.config.yaml; 0 lifts a limit):\n  limits.maxBlockChars (default {{maxBlockChars}} characters): one paragraph, heading, list item or cell\n  limits.maxNestingDepth (default {{maxNestingDepth}} levels): quotes and lists nested in one another\nA story over a limit is refused, naming the file and line.\n\nExit codes: 0 done; 1 findings, or done with some articles left; 2 usage, config or input error;\n  130 interrupted (Ctrl-C); 143 stopped by SIGTERM; 129 stopped by SIGHUP.\n',
  option: {
    workspace: 'workspace folder (default: found from the current folder upwards)',
    uiLang: 'language of messages (default: from LANG, else en)',
    debug: 'print stack traces of errors',
    sourceLang: 'source language of the file (default: from articles/<lang>/ or front matter lang, else en)',
    json: 'print JSON',
  },
  segment: {
    description: 'List the segments of an article (id, kind, line, text)',
    file: 'the Markdown article',
    header: '{{count}} segments in {{file}}',
    warning: '{{position}}: warning: block left untranslated ({{reason}})',
  },
  roundtrip: {
    description: 'Parse, segment and reassemble files with the identity translation; exit 1 unless byte-identical',
    files: 'Markdown files',
    ok: 'ok: {{file}} ({{segments}} segments) comes back byte for byte',
    differs: '{{file}}:{{line}}:{{column}}: differs after reassembly: expected {{expected}}, got {{actual}}',
    summary: '{{ok}} of {{total}} files identical',
    verbose: 'also print a line for every file that comes back byte for byte (by default: differences and the summary)',
    jobs: 'threads that check files at once (default from 64 files on: one per core other processes leave free, measured at start, at most 4; 1: this thread only)',
  },
  error: {
    badJobs: '--jobs must be a whole number from 1 to 64, not “{{value}}”',
  },
};
