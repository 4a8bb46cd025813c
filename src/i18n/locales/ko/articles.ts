/** 기사 읽기 관련 메시지. */
export default {
  empty: '{{file}}이(가) 비어 있습니다: 번역할 내용이 없습니다',
  binary: '{{file}}은(는) 마크다운 기사가 아닌 바이너리 파일입니다 (NUL 바이트 포함)',
  encoding: '{{file}}은(는) 올바른 UTF-8 텍스트가 아닙니다. UTF-8로 저장하세요',
  frontMatterUnterminated: '{{file}}: ---로 시작한 머리말이 닫히지 않았습니다 (--- 줄을 추가하세요)',
  frontMatterYaml: '머리말이 올바른 YAML이 아닙니다: {{detail}}',
  frontMatterNotMap: '머리말은 키와 값의 매핑이어야 합니다',
  blockTooLarge: '{{length}}자 길이의 블록이 한도 {{limit}}자를 넘습니다. 문단으로 나누세요',
  lineEndings: '{{file}}은(는) Windows(CRLF) 줄바꿈을 사용합니다. 번역 전에 LF로 변환하세요 (예: dos2unix)',
  outsideWorkspace: '{{file}}은(는) 기사 폴더 {{articles}} 밖에 있습니다',
  unknownLanguage: '{{file}}: 알 수 없는 원본 언어 "{{code}}". 기사를 articles/<언어>/ 아래에 두세요 (예: articles/en/)',
  notSourceLanguage: '{{file}}: "{{code}}"은(는) 설정된 원본 언어가 아닙니다 ({{languages}})',
  notFound: '{{file}}이(가) 없습니다',
  isDirectory: '{{file}}은(는) 기사가 아닌 폴더입니다',
};
