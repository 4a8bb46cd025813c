/** Segment state, translation memory, locks, file writes, XLIFF/TMX interchange. */
export default {
  state: {
    invalidJson:
      'The state file {{file}} is not valid JSON ({{detail}}). Fix it or restore it from version control; nothing was overwritten.',
    mergeConflict:
      'The state file {{file}} holds unresolved merge-conflict markers (line {{line}}). Resolve the conflict (keep one side, or take the file from one branch and run translate again); nothing was overwritten.',
    invalidShape:
      'The state file {{file}} has an invalid field {{field}} (expected {{expected}}). Fix it or restore it from version control; nothing was overwritten.',
    unreadable: 'Cannot read the state file {{file}} ({{detail}}).',
    otherArticle:
      'The state file {{file}} belongs to {{found}}, not {{expected}}. Restore it from version control or delete it.',
    contradictionNoTarget:
      'The state file {{file}} contradicts itself at segment {{id}}: its state is "{{state}}" but it has no translation. Fix it or restore it from version control; nothing was changed.',
    contradictionUntranslatedTarget:
      'The state file {{file}} contradicts itself at segment {{id}}: its state is "untranslated" but it has a translation. Fix it or restore it from version control; nothing was changed.',
    unknownSegment:
      'The state file {{file}} has a record for segment {{id}}, which {{article}} does not have, although the state says it matches this version of the article. Restore the state from version control or delete it; nothing was changed.',
  },
  write: {
    diskFull:
      'The disk is full while writing {{file}}: nothing was half-written and finished work is kept. Free some space and run again.',
    readOnly: 'Cannot write {{file}}: the folder is read-only or not writable ({{detail}}). Nothing was changed.',
    failed: 'Cannot write {{file}} ({{detail}}). Nothing was half-written.',
  },
  lock: {
    busy: 'Another storyloc run (process {{pid}}) is working on this workspace ({{file}}). Wait for it to finish; if no such process exists, the lock is recovered automatically.',
    failed: 'Cannot create the workspace lock {{file}} ({{detail}}).',
  },
  edit: {
    frontMatter:
      'The translated file was edited in a way that damages its front matter (a key renamed or removed, a fence deleted, invalid YAML). Restore it, or the file from version control; nothing was overwritten.',
    structure:
      'The translated file was edited in a way that changes its structure (a paragraph, heading or list item deleted or added, or text outside the translated sentences changed). Restore the structure; nothing was overwritten.',
    markup:
      'The markup of segment {{id}} was changed in the translated file (a link, emphasis, inline code or image is broken or missing). Restore the markup; nothing was overwritten.',
    noState:
      "This translated file has no state file ({{state}}), so storyloc cannot tell a translator's work from its own. Restore the state file or move the translated file away; nothing was overwritten.",
    unverifiable:
      'This translated file was edited and its source changed since the last run, and the source it was translated from is no longer available (.storyloc/sources). Restore the translated file, or run translate before editing the source; nothing was overwritten.',
    outputEmpty:
      'The translated file is empty (it was truncated or overwritten). Restore it from version control, or delete it and run translate to write it again from the saved translations; the segment states were kept and nothing was overwritten.',
    outputNotText:
      'The translated file is not text (it holds a NUL byte or bytes that are not UTF-8): it was overwritten by something else. Restore it from version control, or delete it and run translate to write it again from the saved translations; the segment states were kept and nothing was overwritten.',
  },
  interchange: {
    tmxOnePair:
      'A TMX file holds one language pair; the selection spans {{pairs}}. Choose the articles of one source language (e.g. articles/en) and one --to.',
    staleState:
      'The state of {{article}} does not match its current source: run storyloc translate first, then import.',
    unreadable: 'Cannot read {{file}} ({{detail}}).',
    reason: {
      unknownArticle: 'no translated article {{article}} in this workspace',
      unknownId: 'unknown segment id {{id}}',
      changedSource: 'the source of segment {{id}} changed since the export',
      badTags: "the target of segment {{id}} does not keep the source's inline tags",
    },
    unknownFormat: 'Unknown export format "{{format}}": use xliff or tmx.',
    invalidXml: 'The file {{file}} is not valid XML ({{detail}}).',
    doctype:
      'The file {{file}} declares a DOCTYPE: XLIFF and TMX files never need one, and a DTD can define entities that expand or read other files, so storyloc refuses it. Remove the <!DOCTYPE …> declaration; nothing was imported.',
    notXliff: 'this file is neither XLIFF 1.2 nor TMX 1.4.',
    tmxPair: 'The TMX file {{file}} is for {{found}}; this workspace translates {{expected}}. Nothing was imported.',
    missingAttribute: 'The element <{{element}}> lacks the attribute {{attribute}}.',
    exported: 'Exported to {{file}}: units {{units}}, articles {{articles}}.',
    imported: 'Imported from {{file}}: targets applied {{applied}}, unchanged {{unchanged}}, not applied {{rejected}}.',
    notApplied: '{{file}}:{{line}}: not applied: {{reason}}',
    tmxImported: 'Imported {{applied}} translation units from {{file}} into the memory ({{skipped}} skipped).',
    noArticles: 'No translated article to export (run storyloc translate first).',
  },
  command: {
    export: {
      description: 'Export segment state to XLIFF 1.2 (for CAT tools) or TMX 1.4 (approved units)',
      format: 'xliff (every segment, for CAT tools) or tmx (approved units); required',
      formatMissing: 'Choose a format: --format xliff (every segment, for CAT tools) or --format tmx (approved units).',
      to: 'target language (default: every target in the config)',
      output: 'write to this file instead of standard output',
      articles: 'articles to export (default: all)',
    },
    import: {
      description: 'Import a translated XLIFF 1.2 file (targets and states) or a TMX 1.4 memory',
      file: 'the XLIFF or TMX file',
      by: 'name recorded as the author of the changes',
    },
  },
};
