/** 기사 읽기 관련 메시지 (항상 `파일:줄:열:` 뒤에 표시되므로 파일 이름을 반복하지 않습니다). */
export default {
  empty: '파일이 비어 있습니다: 번역할 내용이 없습니다',
  binary: '마크다운 기사가 아닌 바이너리 파일입니다 (NUL 바이트 포함)',
  encoding:
    '올바른 UTF-8 텍스트가 아닙니다 (첫 잘못된 바이트 위치: 바이트 오프셋 {{offset}}). 파일을 UTF-8로 저장하세요',
  frontMatterUnterminated: '---로 시작한 머리말이 닫히지 않았습니다 (--- 줄을 추가하세요)',
  frontMatterYaml: '머리말이 올바른 YAML이 아닙니다: {{detail}}',
  frontMatterNotMap: '머리말은 키와 값의 매핑이어야 합니다',
  blockTooLarge:
    '{{length}}자 길이의 블록이 한도 {{limit}}자를 넘습니다 (storyloc.config.yaml의 limits.maxBlockChars). 문단으로 나누세요',
  lineEndings:
    '이 줄부터 줄바꿈 방식이 섞여 있습니다 (또는 CR만 사용). 파일 전체를 LF 또는 CRLF(Windows) 줄바꿈으로 저장하세요',
  outsideWorkspace: '파일이 기사 폴더 {{articles}} 밖에 있습니다',
  unknownLanguage: '알 수 없는 원본 언어 "{{code}}". 기사를 articles/<언어>/ 아래에 두세요 (예: articles/en/)',
  notSourceLanguage: '"{{code}}"은(는) 설정된 원본 언어가 아닙니다 ({{languages}})',
  notFound: '파일이 없습니다',
  isDirectory: '기사가 아닌 폴더입니다',
  utf16: 'UTF-16 텍스트 파일은 지원하지 않습니다. 파일을 UTF-8로 저장하세요',
  tooDeep:
    '이곳에서 인용과 목록이 {{depth}}단계로 중첩되어 한도 {{limit}}단계를 넘습니다 (storyloc.config.yaml의 limits.maxNestingDepth). 기사를 읽지 않았습니다',
  tooDeepUnknown:
    '인용, 목록 또는 인라인 서식이 너무 깊게 중첩되어 읽을 수 없습니다 (한도 {{limit}}, storyloc.config.yaml의 limits.maxNestingDepth). 기사를 읽지 않았습니다',
  unknownFolder:
    '{{folder}}은(는) 설정된 원본 언어 폴더가 아닙니다 (sourceLanguages: {{languages}}). 기사를 articles/<언어>/ 아래에 두거나 sourceLanguages에 언어를 추가하세요',
  hidden: '숨김 파일은 기사가 아닙니다 (이름이 점으로 시작). 번역하려면 이름을 바꾸세요',
  changedWhileRead: 'storyloc이 읽는 동안 파일이 바뀌었습니다. 아무것도 쓰지 않았으니 명령을 다시 실행하세요',
};
