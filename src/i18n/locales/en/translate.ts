/** storyloc translate: options, run summary, plan, errors. */
export default {
  command: {
    description: 'Translate articles into the target languages: memory first, then the engine, with the glossary enforced',
    articles: 'articles or folders to translate (default: every article under articles/)',
    to: 'target language(s), comma-separated (default: the config\'s targetLanguages)',
    engine: 'engine: deepl, apertium, pseudo or none (default: engine.default in the config, else automatic)',
    dryRun: 'print the requests and billed characters without calling the engine',
    maxChars: 'never send more than N billed characters in this run',
    concurrency: 'requests in flight at once',
    json: 'print the summary (or, with --dry-run, the plan) as one JSON object',
  },
  engineInjected: 'given by the caller',
  summary: {
    engine: 'Engine: {{engine}} ({{reason}})',
    counts: '{{articles}} articles, {{segments}} segments: {{reused}} reused ({{fromMemory}} from the memory), {{sent}} texts sent ({{duplicates}} duplicates sent once), {{untranslated}} left untranslated',
    countsDryRun: '{{articles}} articles, {{segments}} segments: {{reused}} reused ({{fromMemory}} from the memory), {{sent}} texts to send ({{duplicates}} duplicates sent once), {{untranslated}} without a translation yet',
    edits: '{{humanEdits}} human edits recorded, {{stale}} segments became stale',
    cost: '{{billed}} billed characters in {{requests}} requests ({{retries}} retries), {{seconds}} s',
    written: '{{count}} translated files written',
    dryRun: 'Dry run: nothing was sent and nothing was written.',
    plan: '{{requests}} requests, {{sent}} texts, {{billed}} billed characters would be sent',
    overBudget: '{{count}} more texts are left for a later run: they do not fit the --max-chars budget.',
    batch: '  request {{index}}: {{pair}}, {{texts}} texts for {{segments}} segments, {{billed}} billed characters, {{bytes}} bytes',
  },
  interrupt: {
    draining: 'Stopping: no new requests; waiting for the requests in flight to finish (they are already paid for). Press Ctrl-C again to quit at once.',
  },
  error: {
    unknownTarget: 'Unknown target language "{{code}}". Use a language code such as it.',
    badNumber: 'Invalid value {{value}} for {{option}}: expected a positive whole number.',
    noArticles: 'No article found in {{given}}.',
    brokenList: 'The translated files below were edited in ways storyloc cannot map back to segments; nothing was written and nothing was sent:',
    brokenItem: '  {{position}}: {{message}}',
  },
};
