/** 기본 명령의 도움말과 출력. */
export default {
  description: '용어집, 번역 메모리, 검토, CI 검사로 마크다운 뉴스 기사를 번역합니다.',
  exitCodes:
    '종료 코드: 0 완료; 1 문제 발견, 또는 일부 기사를 번역가에게 남기고 완료; 2 사용법, 설정 또는 입력 오류; 130 중단됨(Ctrl-C).',
  helpLimits:
    '\n한도 (storyloc.config.yaml에서 설정, 0이면 한도 없음):\n  limits.maxBlockChars (기본 {{maxBlockChars}}자): 문단, 제목, 목록 항목 또는 셀 하나\n  limits.maxNestingDepth (기본 {{maxNestingDepth}}단계): 서로 중첩된 인용과 목록\n한도를 넘는 기사는 파일과 줄을 밝히고 거부합니다.\n\n종료 코드: 0 완료; 1 문제 발견 또는 일부 기사를 남기고 완료; 2 사용법, 설정 또는 입력 오류;\n  130 중단됨 (Ctrl-C); 143 SIGTERM으로 중지; 129 SIGHUP으로 중지.\n',
  option: {
    workspace: '작업 폴더 (기본값: 현재 폴더에서 위로 찾음)',
    uiLang: '메시지 언어(기본값: LANG, 없으면 en)',
    debug: '오류의 스택 트레이스를 출력',
    sourceLang: '파일의 원본 언어 (기본값: articles/<언어>/ 또는 머리말 lang, 없으면 en)',
    json: 'JSON으로 출력',
  },
  segment: {
    description: '기사의 세그먼트 목록 (id, 종류, 줄, 텍스트)',
    file: '마크다운 기사',
    header: '{{file}}의 세그먼트 {{count}}개',
    warning: '{{position}}: 경고: 번역하지 않은 블록 ({{reason}})',
  },
  roundtrip: {
    description: '파일을 항등 번역으로 분석, 분할, 재조립하고 바이트 단위로 같지 않으면 1로 종료',
    files: '마크다운 파일',
    ok: '정상: {{file}} (세그먼트 {{segments}}개) 바이트 단위로 동일',
    differs: '{{file}}:{{line}}:{{column}}: 재조립 후 다름: 예상 {{expected}}, 실제 {{actual}}',
    summary: '파일 {{total}}개 중 {{ok}}개 동일',
    verbose: '바이트 단위로 동일한 파일마다 한 줄씩도 출력 (기본: 차이와 요약만)',
    jobs: '파일을 동시에 검사할 스레드 수 (기본: 파일 64개 이상이면 시작할 때 측정해 다른 프로세스가 비워 둔 코어마다 하나씩, 최대 4; 1: 현재 스레드만)',
  },
  error: {
    badJobs: '--jobs는 1에서 64 사이의 정수여야 합니다(“{{value}}”은(는) 안 됨)',
  },
};
