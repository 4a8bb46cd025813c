/** 모든 명령에 공통인 메시지. */
export default {
  error: {
    prefix: '오류',
    unexpected: '예기치 않은 오류: {{message}} (자세한 내용은 --debug로 실행하세요)',
    at: '{{position}}: {{message}}',
  },
  usage: {
    unknownOption: '알 수 없는 옵션 {{option}}. storyloc --help를 참고하세요.',
  },
};
