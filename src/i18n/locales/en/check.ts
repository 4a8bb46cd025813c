/** `storyloc check`: rule descriptions, violation messages, reports and errors. */
export default {
  cli: {
    description: 'Check translations against their sources, segment states and the glossary (for CI)',
    paths: 'source articles, folders, or output files to check (default: the whole workspace)',
    to: 'target language(s) to check (default: the configured ones)',
    format: 'report format',
    failOn: 'exit 1 when a violation of this severity or worse is found',
    targetOnly: 'check target-language files with no source (untranslated terms, forbidden terms, quotes)',
    lang: 'language of the files checked with --target-only',
    output: 'write the report to this file instead of standard output',
    jobs: 'threads checking translations at once (default from 200 translations on: one per core other processes leave free, measured at start, at most 4; 1: this thread only)',
  },
  rule: {
    'glossary-term':
      'A glossary term of the source must appear in the translation in its canonical target form or an accepted variant.',
    'forbidden-term': 'The translation must not use a form the glossary forbids.',
    'untranslated-term': 'A term that must be translated must not be left in its source-language form.',
    'do-not-translate': 'A do-not-translate term must appear in the translation exactly as the glossary writes it.',
    numbers: 'Every number and date of the source must appear in the translation, written the target-language way.',
    'markup-parity': 'The translation must keep the links, emphasis, inline code and images of the source.',
    quotes: 'Quotation marks must be balanced and face the right way.',
    'untranslated-segment': 'Every segment must be translated.',
    'not-approved': 'Every translated segment should be approved and up to date with its source.',
    'flagged-segment': 'A segment flagged after machine translation must be fixed before it is published.',
    'output-sync':
      'The output file must be what the segment state gives (edits to the translated text are checked as such; the structure, markup and front matter must stay).',
    'glossary-lint': 'The glossary must be free of errors.',
  },
  message: {
    glossaryTerm: '“{{term}}” must be translated as “{{expected}}” (or an accepted variant)',
    glossaryTermMissing: '“{{term}}” is missing from the translation',
    forbiddenTerm: '“{{term}}” is a forbidden form',
    forbiddenTermUse: '“{{term}}” is a forbidden form: use “{{expected}}”',
    untranslatedTerm: '“{{term}}” is left untranslated: use “{{expected}}”',
    doNotTranslateChanged: '“{{found}}” must stay exactly “{{expected}}” (do not translate)',
    doNotTranslateMissing: '“{{term}}” must appear in the translation as “{{expected}}” (do not translate)',
    doNotTranslateGone: '“{{term}}” is missing from the translation (do not translate)',
    numberFormat: '{{number}} is written the source-language way: write {{expected}}',
    numberMissing: '{{number}} from the source is missing (expected {{expected}})',
    numberChanged: '{{found}} does not match {{number}} of the source (expected {{expected}})',
    numberEnglishFormat: '{{number}} is written the English way: in Italian write {{expected}}',
    numberOutsideMarkup: '{{number}} has moved out of its markup: the source marks “{{marked}}” as a whole',
    sourceSpelling: '“{{term}}” is a source-language spelling: in Italian write “{{expected}}”',
    markupMalformed: 'inline tags are not properly nested or closed',
    markupMissing: '{{what}} {{detail}} of the source is missing',
    markupDuplicated: '{{what}} {{detail}} appears more often than in the source',
    markupUnknown: 'tag {{tag}} does not exist in the source',
    quoteWrongDirection: 'quotation mark {{mark}} faces the wrong way: write {{expected}}',
    quoteUnclosed: 'quotation opened with {{mark}} is never closed (missing {{expected}})',
    quoteUnopened: 'closing quotation mark {{mark}} has no opening {{expected}}',
    segmentUntranslated: 'segment not translated',
    segmentSameAsSource: 'the translation is the source text itself',
    articleUntranslated: 'article not translated into {{lang}} yet (no segment state)',
    state: {
      machine: 'machine translation not reviewed yet',
      edited: 'edited translation not approved yet',
      rejected: 'translation rejected in review',
      stale: 'the source changed since this translation (stale)',
      editedInOutput:
        'edited by hand in the output file, not recorded for review yet: run storyloc translate, then review',
    },
    flagged: 'flagged after machine translation: {{flags}}',
    flag: {
      tagEmpty:
        'the markup (tag {{tag}}) was left with no words inside after machine translation: fix the markup or retranslate',
      linkInLink:
        'the link (tag {{tag}}) ended up inside another link after machine translation: fix the markup or retranslate',
      intraword:
        'the underscore emphasis (tag {{tag}}) was moved inside a word after machine translation, where Markdown does not show it: fix the markup or retranslate',
      tagMismatch:
        'machine translation lost, doubled or unbalanced the markup (links, emphasis, code) of this segment: fix the markup or retranslate',
      termLost: 'the glossary term {{term}} was lost in machine translation: put its translation back or retranslate',
      termDuplicated:
        'the glossary term {{term}} appears more than once after machine translation: remove the extra copy or retranslate',
      placeholderUnknown:
        'machine translation added a placeholder ({{placeholder}}) that is not in the source: remove it or retranslate',
    },
    outputMissing: 'the output file is missing: run the translation again to write it',
    outputDiffers:
      'the output file differs from the segment state here (edited by hand, or not rewritten): run the translation again to record the edits',
    outputFrontMatter:
      'the front matter of the output file was changed here (a key renamed or removed, a fence deleted, invalid YAML): restore it',
    outputStructure:
      'the output file no longer has the structure of its source here (a paragraph, heading or list item added or removed, or text outside the translated sentences changed): restore it',
    outputEmpty:
      'the output file is empty (truncated or overwritten): restore it, or delete it and run storyloc translate',
    outputNotText:
      'the output file is not text (a NUL byte or bytes that are not UTF-8) here: restore it, or delete it and run storyloc translate',
    outputMarkup:
      'the markup of the source was changed here (a link or its URL, emphasis, inline code or an image is missing or altered): restore it',
    glossaryLint: '{{message}} ({{code}})',
  },
  markup: {
    link: 'link',
    autolink: 'link',
    image: 'image',
    code: 'inline code',
    html: 'inline HTML',
    emphasis: 'emphasis',
    strong: 'strong emphasis',
    delete: 'strikethrough',
    break: 'line break',
    tag: 'tag',
  },
  report: {
    severity: { error: 'error', warning: 'warning' },
    suggestion: 'suggestion: {{suggestion}}',
    folded_one:
      '{{message}} (and {{count}} more like it in this file; every location in --format json, junit or sarif)',
    folded_other:
      '{{message}} (and {{count}} more like it in this file; every location in --format json, junit or sarif)',
    summary: '{{errors}}, {{warnings}} in {{files}}',
    clean: 'no problems in {{files}}',
    error_one: '{{count}} error',
    error_other: '{{count}} errors',
    warning_one: '{{count}} warning',
    warning_other: '{{count}} warnings',
    file_one: '{{count}} file',
    file_other: '{{count}} files',
    segment: 'segment: {{id}}',
  },
  error: {
    unknownRule: 'unknown rule “{{rule}}” in check.severities; rules are: {{expected}}',
    notATargetLanguage: '“{{lang}}” is not a target language of this workspace ({{expected}})',
    notFound: 'no such file',
    noSourceArticle: 'no source article {{article}} for this output',
    cannotWrite: 'the report cannot be written ({{detail}})',
    unreadable: 'cannot be read ({{detail}})',
    isDirectory: 'is a folder: give files with --target-only',
    targetOnlyNeedsFiles: '--target-only needs at least one file',
    targetOnlyNeedsLang: '--target-only needs --lang (the language of the files)',
    unknownLanguage: 'unknown language “{{lang}}”; expected one of {{expected}}',
    badFormat: 'unknown format “{{format}}”; expected one of {{expected}}',
  },
};
