/** Messages about reading articles (always shown after `file:line:column:`, so they do not repeat the file). */
export default {
  empty: 'the file is empty: nothing to translate',
  binary: 'this is a binary file (it contains a NUL byte), not a Markdown article',
  encoding: 'this is not valid UTF-8 text (the first bad byte is at byte offset {{offset}}); save the file as UTF-8',
  frontMatterUnterminated: 'the front matter opened with --- is never closed (add a line with --- after it)',
  frontMatterYaml: 'the front matter is not valid YAML: {{detail}}',
  frontMatterNotMap: 'the front matter must be a mapping of keys to values',
  blockTooLarge:
    'a single block of {{length}} characters exceeds the limit of {{limit}} (limits.maxBlockChars in storyloc.config.yaml); split it into paragraphs',
  lineEndings:
    'the file mixes line endings (or ends lines with a lone CR) from here on; save it with LF or with CRLF (Windows) line endings throughout',
  outsideWorkspace: 'the file is outside the articles folder {{articles}}',
  unknownLanguage: 'unknown source language "{{code}}"; put the article under articles/<language>/ (e.g. articles/en/)',
  notSourceLanguage: '"{{code}}" is not a configured source language ({{languages}})',
  notFound: 'no such file',
  isDirectory: 'this is a folder, not an article',
  utf16: 'this file is UTF-16 text, which is not supported; save the file as UTF-8',
  tooDeep:
    'quotes and lists nest {{depth}} levels deep here, more than the limit of {{limit}} (limits.maxNestingDepth in storyloc.config.yaml); the story was not read',
  tooDeepUnknown:
    'quotes, lists or inline markup nest too deeply to be read (the depth limit is {{limit}}, limits.maxNestingDepth in storyloc.config.yaml); the story was not read',
  unknownFolder:
    '{{folder}} is not a configured source language folder (sourceLanguages: {{languages}}); put the story under articles/<language>/ or add the language to sourceLanguages',
  hidden: 'hidden files are not stories (the name starts with a dot); rename it to translate it',
  changedWhileRead: 'the file changed while storyloc was reading it; nothing of it was written, run the command again',
};
