/** Messages about reading articles. */
export default {
  empty: '{{file}} is empty: nothing to translate',
  binary: '{{file}} is a binary file (it contains a NUL byte), not a Markdown article',
  encoding: '{{file}} is not valid UTF-8 text; save it as UTF-8',
  frontMatterUnterminated: '{{file}}: the front matter opened with --- is never closed (add a line with --- after it)',
  frontMatterYaml: 'the front matter is not valid YAML: {{detail}}',
  frontMatterNotMap: 'the front matter must be a mapping of keys to values',
  blockTooLarge: 'a single block of {{length}} characters exceeds the limit of {{limit}}; split it into paragraphs',
  lineEndings: '{{file}} uses Windows (CRLF) line endings; convert it to LF (e.g. dos2unix) before translating',
  outsideWorkspace: '{{file}} is outside the articles folder {{articles}}',
  unknownLanguage: '{{file}}: unknown source language "{{code}}"; put the article under articles/<language>/ (e.g. articles/en/)',
  notSourceLanguage: '{{file}}: "{{code}}" is not a configured source language ({{languages}})',
  notFound: '{{file}} does not exist',
  isDirectory: '{{file}} is a folder, not an article',
};
