/** storyloc.config.yaml 관련 메시지. */
export default {
  notFound:
    '{{dir}} 또는 상위 폴더에서 {{name}}을(를) 찾을 수 없습니다. README를 참고해 만들거나 --workspace DIR을 지정하세요.',
  notFoundIn: '{{dir}}에 {{name}}이(가) 없습니다 (--workspace로 지정됨).',
  invalidYaml: '설정이 올바른 YAML이 아닙니다: {{detail}}',
  expectedMap: '{{where}}: 키와 값의 매핑이어야 합니다',
  unknownKey: '알 수 없는 키 "{{key}}"; 가능한 키: {{expected}}',
  expectedString: '{{where}}: 비어 있지 않은 문자열이어야 합니다',
  expectedNumber: '{{where}}: {{min}}에서 {{max}} 사이의 숫자여야 합니다',
  expectedBoolean: '{{where}}: true 또는 false여야 합니다',
  expectedOneOf: '{{where}}: 다음 중 하나여야 합니다: {{expected}}',
  expectedList: '{{where}}: 비어 있지 않은 목록이어야 합니다',
  unsupportedLanguage: '{{where}}: 지원하지 않는 언어 코드 "{{code}}"; 가능한 코드: {{expected}}',
  pathOutside: '{{where}}: 경로 "{{path}}"이(가) 작업 폴더 밖을 가리킵니다',
  symlinkOutside:
    '작업 폴더 밖의 {{target}}을(를) 가리키는 심볼릭 링크입니다. storyloc은 링크를 통해 작업 폴더 밖을 읽거나 쓰지 않습니다. 링크를 실제 폴더나 파일로 바꾸거나, storyloc.config.yaml에서 paths.allowSymlinksOutside: true로 설정하세요',
  configSymlinkOutside:
    '작업 폴더 밖의 {{target}}을(를) 가리키는 심볼릭 링크입니다. 작업 폴더의 설정 파일은 폴더 밖으로 나가는 링크를 통해 읽지 않습니다(paths.allowSymlinksOutside는 그 설정이 적힌 파일 자체를 허용할 수 없습니다). 링크를 파일의 복사본으로 바꾸세요',
  sameLanguage: '언어 "{{code}}"이(가) 원본 언어이자 대상 언어입니다',
};
