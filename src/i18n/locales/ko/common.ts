/** 모든 명령에 공통인 메시지. */
export default {
  error: {
    prefix: '오류',
    unexpected: '예기치 않은 오류: {{message}} (자세한 내용은 --debug로 실행하세요)',
    at: '{{position}}: {{message}}',
  },
  usage: {
    unknownOption: '알 수 없는 옵션 {{option}}. 명령의 --help를 참고하세요',
    unknownCommand: '알 수 없는 명령 {{command}}. --help를 참고하세요',
    missingArgument: '필수 인수 {{argument}}이(가) 없습니다',
    optionArgumentMissing: '옵션 {{option}}에 값이 필요합니다',
    invalidChoice: '옵션 {{option}}: "{{value}}"은(는) {{choices}} 중 하나가 아닙니다',
    tooManyArguments: '인수가 너무 많습니다. 명령의 --help를 참고하세요',
    didYouMean: '({{suggestion}}을(를) 뜻하셨나요?)',
  },
  help: {
    usage: '사용법:',
    options: '옵션:',
    commands: '명령:',
    arguments: '인수:',
    globalOptions: '전역 옵션:',
    choices: '다음 중 하나: {{choices}}',
    default: '기본값: {{value}}',
    helpOption: '명령의 도움말 표시',
    helpCommand: '명령의 도움말 표시',
  },
};
