/** storyloc translate: 옵션, 실행 요약, 계획, 오류. */
export default {
  command: {
    description: '기사를 도착 언어로 번역합니다. 먼저 메모리를, 그다음 엔진을 쓰며 용어집을 적용합니다',
    articles: '번역할 기사나 폴더(기본값: articles/ 아래의 모든 기사)',
    to: '도착 언어, 쉼표로 구분(기본값: 설정의 targetLanguages)',
    engine: '엔진: deepl, apertium, pseudo 또는 none(기본값: 설정의 engine.default, 없으면 자동)',
    dryRun: '엔진을 호출하지 않고 요청과 과금 문자 수를 출력합니다',
    maxChars: '이번 실행에서 과금 문자를 N자 넘게 보내지 않습니다',
    concurrency: '동시에 진행할 요청 수',
    json: '요약(--dry-run이면 계획)을 JSON 객체 하나로 출력합니다',
  },
  engineInjected: '호출한 쪽에서 지정함',
  summary: {
    engine: '엔진: {{engine}} ({{reason}})',
    counts: '기사 {{articles}}개, 세그먼트 {{segments}}개: 재사용 {{reused}}개(메모리에서 {{fromMemory}}개), 보낸 텍스트 {{sent}}개(중복 {{duplicates}}개는 한 번만 보냄), 번역되지 않은 채 남음 {{untranslated}}개',
    countsDryRun: '기사 {{articles}}개, 세그먼트 {{segments}}개: 재사용 {{reused}}개(메모리에서 {{fromMemory}}개), 보낼 텍스트 {{sent}}개(중복 {{duplicates}}개는 한 번만 보냄), 아직 번역이 없는 세그먼트 {{untranslated}}개',
    edits: '사람이 수정한 것 {{humanEdits}}개 기록, 오래된 세그먼트 {{stale}}개',
    cost: '요청 {{requests}}회(재시도 {{retries}}회)에 과금 문자 {{billed}}자, {{seconds}}초',
    written: '번역 파일 {{count}}개를 썼습니다',
    dryRun: '시험 실행: 아무것도 보내거나 쓰지 않았습니다.',
    plan: '요청 {{requests}}회, 텍스트 {{sent}}개, 과금 문자 {{billed}}자를 보낼 예정입니다',
    overBudget: '텍스트 {{count}}개는 --max-chars 예산을 넘으므로 다음 실행으로 남겨 둡니다.',
    batch: '  요청 {{index}}: {{pair}}, 세그먼트 {{segments}}개에 대한 텍스트 {{texts}}개, 과금 문자 {{billed}}자, {{bytes}}바이트',
  },
  interrupt: {
    draining: '중단하는 중: 새 요청은 보내지 않고, 이미 보낸 요청(이미 과금됨)이 끝나기를 기다립니다. 바로 끝내려면 Ctrl-C를 한 번 더 누르세요.',
  },
  error: {
    unknownTarget: '알 수 없는 도착 언어 "{{code}}"입니다. it 같은 언어 코드를 쓰세요.',
    badNumber: '{{option}}의 값 {{value}}이(가) 올바르지 않습니다. 양의 정수가 필요합니다.',
    noArticles: '{{given}}에서 기사를 찾지 못했습니다.',
    brokenList: '아래 번역 파일은 storyloc이 세그먼트로 되돌릴 수 없는 방식으로 수정되었습니다. 아무것도 쓰거나 보내지 않았습니다:',
    brokenItem: '  {{position}}: {{message}}',
  },
};
