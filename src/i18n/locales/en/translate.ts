/** storyloc translate: options, run summary, plan, errors. */
export default {
  command: {
    description:
      'Translate articles into the target languages: memory first, then the engine, with the glossary enforced',
    articles: 'articles or folders to translate (default: every article under articles/)',
    to: "target language(s), comma-separated (default: the config's targetLanguages)",
    engine: 'engine: deepl, apertium, pseudo or none (default: engine.default in the config, else automatic)',
    dryRun: 'print the requests and billed characters without calling the engine',
    maxChars: 'never send more than N billed characters in this run',
    concurrency: 'requests in flight at once',
    json: 'print the summary (or, with --dry-run, the plan) as one JSON object',
    by: 'name recorded on hand edits found in the output (default: git user.name <user.email>, else the OS user)',
  },
  engineInjected: 'given by the caller',
  /** counted nouns: i18next picks _one or _other from {{count}} */
  unit: {
    article_one: '{{count}} article',
    article_other: '{{count}} articles',
    segment_one: '{{count}} segment',
    segment_other: '{{count}} segments',
    text_one: '{{count}} text',
    text_other: '{{count}} texts',
    duplicate_one: '{{count}} duplicate',
    duplicate_other: '{{count}} duplicates',
    request_one: '{{count}} request',
    request_other: '{{count}} requests',
    retry_one: '{{count}} retry',
    retry_other: '{{count}} retries',
    billed_one: '{{count}} billed character',
    billed_other: '{{count}} billed characters',
    humanEdit_one: '{{count}} human edit recorded',
    humanEdit_other: '{{count}} human edits recorded',
    stale_one: '{{count}} segment became stale',
    stale_other: '{{count}} segments became stale',
    file_one: '{{count}} translated file written',
    file_other: '{{count}} translated files written',
    character_one: '{{count}} character',
    character_other: '{{count}} characters',
  },
  summary: {
    engine: 'Engine: {{engine}} ({{reason}})',
    counts:
      '{{articles}}, {{segments}}: {{reused}} reused ({{fromMemory}} from the memory), {{sent}} sent ({{duplicates}} sent once), {{untranslated}} left untranslated',
    countsDryRun:
      '{{articles}}, {{segments}}: {{reused}} reused ({{fromMemory}} from the memory), {{sent}} to send ({{duplicates}} sent once), {{untranslated}} without a translation yet',
    edits: '{{humanEdits}}, {{stale}}',
    cost: '{{billed}} in {{requests}} ({{retries}}), {{seconds}} s',
    written: '{{files}}',
    dryRun: 'Dry run: nothing was sent and nothing was written.',
    plan: '{{requests}}, {{sent}}, {{billed}} would be sent',
    overBudget: '{{count}} more texts are left for a later run: they do not fit the --max-chars budget.',
    batch: '  request {{index}}: {{pair}}, {{texts}} for {{segments}}, {{billed}}, {{bytes}} bytes',
    dryRunOffline: 'DeepL was not contacted: a dry run only plans and counts, with no key and no network.',
    planCharacters: '{{requests}}, {{sent}}, {{characters}} would be sent ({{billed}})',
    writtenUntranslated_one: '{{count}} file written with segments still in the source language (never translated)',
    writtenUntranslated_other: '{{count}} files written with segments still in the source language (never translated)',
    skipped_one: 'Done, with {{count}} article left for a translator (listed above).',
    skipped_other: 'Done, with {{count}} articles left for a translator (listed above).',
  },
  skipped: {
    article: '{{position}}: left for a translator, nothing of it written: {{message}}',
    pair: '{{position}}: left for a translator ({{pair}}): {{message}}',
  },
  warning: {
    untranslatableBlock:
      '{{position}}: warning: this block stays in the source language: storyloc cannot map its text back to the file exactly ({{reason}}). Simplify its Markdown, then check it with storyloc segment.',
    skippedUnknownFolder:
      '{{folder}}: warning: not translated: not a configured source language folder (sourceLanguages: {{languages}}); {{stories}} stories left out',
    skippedHidden: '{{file}}: warning: not translated: a hidden file (the name starts with a dot)',
    skippedLinkedFolder:
      '{{file}}: warning: not translated: a symbolic link to a folder (links to folders are not followed; name the stories in it, or replace the link with the folder)',
  },
  interrupt: {
    draining:
      'Stopping: no new requests; waiting for the requests in flight to finish (they are already paid for). Press Ctrl-C again to quit at once.',
    drainingSignal:
      'Stopping ({{signal}}): no new requests; waiting for the requests in flight to finish (they are already paid for). Send {{signal}} again to quit at once.',
  },
  error: {
    unknownTarget: 'Unknown target language "{{code}}". Use a language code such as it.',
    badNumber: 'Invalid value {{value}} for {{option}}: expected a positive whole number.',
    noArticles: 'No article found in {{given}}.',
    brokenList:
      'The translated files below were edited in ways storyloc cannot map back to segments; nothing was written and nothing was sent:',
    brokenItem: '  {{position}}: {{message}}',
  },
};
