/** storyloc translate: 옵션, 실행 요약, 계획, 오류. */
export default {
  command: {
    description: '기사를 대상 언어로 번역합니다. 먼저 메모리를, 그다음 엔진을 쓰며 용어집을 적용합니다',
    articles: '번역할 기사나 폴더(기본값: articles/ 아래의 모든 기사)',
    to: '대상 언어, 쉼표로 구분(기본값: 설정의 targetLanguages)',
    engine: '엔진: deepl, apertium, pseudo 또는 none(기본값: 설정의 engine.default, 없으면 자동)',
    dryRun: '엔진을 호출하지 않고 요청과 과금 문자 수를 출력합니다',
    maxChars: '이번 실행에서 과금 문자를 N자 넘게 보내지 않습니다',
    concurrency: '동시에 진행할 요청 수',
    json: '요약(--dry-run이면 계획)을 JSON 객체 하나로 출력합니다',
    by: '번역 파일에서 찾은 직접 수정에 기록할 이름 (기본값: git user.name <user.email>, 없으면 OS 사용자)',
  },
  engineInjected: '호출한 쪽에서 지정함',
  /** 세는 단위 (한국어는 단수·복수 구분이 없어 두 키가 같습니다) */
  unit: {
    article_one: '기사 {{count}}개',
    article_other: '기사 {{count}}개',
    segment_one: '세그먼트 {{count}}개',
    segment_other: '세그먼트 {{count}}개',
    text_one: '텍스트 {{count}}개',
    text_other: '텍스트 {{count}}개',
    duplicate_one: '중복 {{count}}개',
    duplicate_other: '중복 {{count}}개',
    request_one: '요청 {{count}}회',
    request_other: '요청 {{count}}회',
    retry_one: '재시도 {{count}}회',
    retry_other: '재시도 {{count}}회',
    billed_one: '과금 문자 {{count}}자',
    billed_other: '과금 문자 {{count}}자',
    humanEdit_one: '사람이 수정한 것 {{count}}개 기록',
    humanEdit_other: '사람이 수정한 것 {{count}}개 기록',
    stale_one: '오래된 세그먼트 {{count}}개',
    stale_other: '오래된 세그먼트 {{count}}개',
    file_one: '번역 파일 {{count}}개를 썼습니다',
    file_other: '번역 파일 {{count}}개를 썼습니다',
    character_one: '{{count}}자',
    character_other: '{{count}}자',
  },
  summary: {
    engine: '엔진: {{engine}} ({{reason}})',
    counts:
      '{{articles}}, {{segments}}: 재사용 {{reused}}개(메모리에서 {{fromMemory}}개), 보낸 {{sent}}({{duplicates}}는 한 번만 보냄), 번역되지 않은 채 남음 {{untranslated}}개',
    countsDryRun:
      '{{articles}}, {{segments}}: 재사용 {{reused}}개(메모리에서 {{fromMemory}}개), 보낼 {{sent}}({{duplicates}}는 한 번만 보냄), 아직 번역이 없는 세그먼트 {{untranslated}}개',
    edits: '{{humanEdits}}, {{stale}}',
    cost: '{{requests}}({{retries}})에 {{billed}}, {{seconds}}초',
    written: '{{files}}',
    dryRun: '시험 실행: 아무것도 보내거나 쓰지 않았습니다.',
    plan: '{{requests}}, {{sent}}, {{billed}}를 보낼 예정입니다',
    overBudget: '텍스트 {{count}}개는 --max-chars 예산을 넘으므로 다음 실행으로 남겨 둡니다.',
    batch: '  요청 {{index}}: {{pair}}, {{segments}}에 대한 {{texts}}, {{billed}}, {{bytes}}바이트',
    dryRunOffline: 'DeepL에 연결하지 않았습니다: 시험 실행은 키와 네트워크 없이 계획하고 세기만 합니다.',
    planCharacters: '{{requests}}, {{sent}}, {{characters}}를 보낼 예정 ({{billed}})',
    writtenUntranslated_one: '아직 원문 언어인 세그먼트(번역된 적 없음)가 있는 파일 {{count}}개를 썼습니다',
    writtenUntranslated_other: '아직 원문 언어인 세그먼트(번역된 적 없음)가 있는 파일 {{count}}개를 썼습니다',
    skipped_one: '완료했지만 기사 {{count}}개는 번역가에게 남겼습니다(위 목록).',
    skipped_other: '완료했지만 기사 {{count}}개는 번역가에게 남겼습니다(위 목록).',
  },
  skipped: {
    article: '{{position}}: 번역가에게 남김, 아무것도 쓰지 않았습니다: {{message}}',
    pair: '{{position}}: 번역가에게 남김 ({{pair}}): {{message}}',
  },
  warning: {
    untranslatableBlock:
      '{{position}}: 경고: 이 블록은 원문 언어로 남습니다. storyloc이 텍스트를 파일의 정확한 위치로 되돌릴 수 없습니다 ({{reason}}). 마크다운을 단순하게 고친 뒤 storyloc segment로 확인하세요.',
    skippedUnknownFolder:
      '{{folder}}: 경고: 번역하지 않음: 설정된 원본 언어 폴더가 아닙니다 (sourceLanguages: {{languages}}). 기사 {{stories}}개 제외',
    skippedHidden: '{{file}}: 경고: 번역하지 않음: 숨김 파일입니다 (이름이 점으로 시작)',
    skippedLinkedFolder:
      '{{file}}: 경고: 번역하지 않음: 폴더를 가리키는 심볼릭 링크입니다 (폴더 링크는 따라가지 않습니다. 그 안의 기사를 직접 지정하거나 링크를 실제 폴더로 바꾸세요)',
  },
  interrupt: {
    draining:
      '중단하는 중: 새 요청은 보내지 않고, 이미 보낸 요청(이미 과금됨)이 끝나기를 기다립니다. 바로 끝내려면 Ctrl-C를 한 번 더 누르세요.',
    drainingSignal:
      '중지 중 ({{signal}}): 새 요청은 보내지 않고, 진행 중인 요청이 끝나기를 기다립니다 (이미 요금이 청구됨). 바로 끝내려면 {{signal}}을(를) 다시 보내세요.',
  },
  error: {
    unknownTarget: '알 수 없는 대상 언어 "{{code}}"입니다. it 같은 언어 코드를 쓰세요.',
    badNumber: '{{option}}의 값 {{value}}이(가) 올바르지 않습니다. 양의 정수가 필요합니다.',
    noArticles: '{{given}}에서 기사를 찾지 못했습니다.',
    brokenList:
      '아래 번역 파일은 storyloc이 세그먼트로 되돌릴 수 없는 방식으로 수정되었습니다. 아무것도 쓰거나 보내지 않았습니다:',
    brokenItem: '  {{position}}: {{message}}',
  },
};
