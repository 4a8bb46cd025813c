/** 작업 공간 시작: `storyloc init`, `storyloc doctor`, `--version`. */
export default {
  version: 'storyloc 버전을 출력합니다',
  init: {
    description: '여기(또는 DIR)에 작업 공간을 만듭니다: 설정, 폴더, 용어집 파일, .gitignore 줄',
    dir: '새 작업 공간 폴더',
    from: '원문 언어(쉼표로 구분)',
    to: '번역 언어(쉼표로 구분)',
    ci: 'CI 워크플로도 씁니다(github: .github/workflows/storyloc.yml)',
    noLanguage: '{{flag}}에는 언어 코드가 하나 이상 필요합니다.',
    unknownLanguage: '{{flag}}: "{{code}}"은(는) 지원하지 않는 언어입니다(가능한 값: {{expected}}).',
    sameLanguage: '"{{code}}"이(가) 원문 언어이자 번역 언어입니다. 기사는 다른 언어로 번역됩니다.',
    exists_one:
      'storyloc init은 이미 있는 파일을 쓰지 않는데, 이 파일이 이미 있습니다(아무것도 쓰지 않았습니다. 파일을 옮기거나 다른 폴더에서 init하세요):',
    exists_other:
      'storyloc init은 이미 있는 파일을 쓰지 않는데, 다음 {{count}}개 파일이 이미 있습니다(아무것도 쓰지 않았습니다. 파일을 옮기거나 다른 폴더에서 init하세요):',
    created: '{{dir}}에 storyloc 작업 공간을 만들었습니다:',
    gitignore: { created: '새로 만듦', updated: '줄 추가됨' },
    next: '다음: {{articles}}에 Markdown 기사를 넣고 실행하세요',
  },
  doctor: {
    description:
      '이 작업 공간에서 되는 것과 빠진 것을 해결 방법과 함께 보여 줍니다(기본 엔진이 언어 쌍을 하나 이상 번역할 수 있으면 종료 코드 0)',
    header: 'storyloc {{version}}: doctor',
    fixPrefix: '해결',
    label: {
      node: 'Node.js',
      config: '설정',
      languages: '언어',
      engine: { apertium: 'apertium', deepl: 'deepl', pseudo: 'pseudo' },
      glossary: '용어집',
      'deepl-glossaries': 'DeepL 용어집',
      pairs: '언어 쌍',
      chromium: 'Chromium',
    },
    node: {
      ok: '{{version}} (storyloc에는 {{required}} 필요)',
      old: '{{version}}은(는) 너무 오래되었습니다(storyloc에는 {{required}} 필요)',
      fix: 'Node.js {{required}}을(를) 설치하세요(예: nodejs.org 또는 nvm)',
    },
    config: {
      ok: '{{file}}이(가) 올바릅니다',
      invalid: '{{position}}{{detail}}',
      initFix: '여기서 storyloc init을 실행하거나 --workspace DIR을 지정하세요',
      linkFix: '링크를 실제 파일이나 폴더로 바꾸세요(storyloc은 링크를 통해 작업 폴더 밖을 읽지 않습니다)',
      editFix: '해당 위치의 내용을 고치세요(README의 "Configuration"에 모든 키가 있습니다)',
    },
    languages: '{{sources}}에서 {{targets}}(으)로',
    apertium: {
      ok: '{{pairs}} 번역 가능',
      missing: '설치되지 않음("{{command}}" 명령을 찾을 수 없음)',
      installFix: 'apt-get install apertium apertium-eng-spa apertium-spa-ita (또는 engine.apertium.command 설정)',
      noModes_one: '설치되어 있지만 {{pairs}} 언어 데이터가 없음',
      noModes_other: '설치되어 있지만 {{pairs}} 언어 데이터가 없음',
      modesFix: '{{pairs}}용 Apertium 언어 쌍을 설치하거나(apt-cache search apertium) 해당 기사는 DeepL로 번역하세요',
    },
    deepl: {
      ok: '{{env}}의 키를 {{server}}이(가) 받아들임. 이번 기간 {{limit}}자 중 {{count}}자 사용',
      noKey: '키 없음({{env}}이(가) 설정되지 않음)',
      keyFix: 'DeepL API 키로 export {{env}}=… 하세요(작업 공간의 파일에는 절대 넣지 마세요)',
      exhausted: '{{env}}의 키는 유효하지만 글자 수 한도에 도달함({{limit}}자 중 {{count}}자)',
      exhaustedFix: '다음 결제 기간을 기다리거나 DeepL 계정에서 한도를 올리세요',
      unreachable: '{{server}}이(가) 응답하지 않음: {{detail}}',
      authFix: '{{env}}의 키를 확인하세요(Free 키는 ":fx"로 끝납니다)',
      networkFix: '네트워크, 프록시 또는 설정의 engine.deepl.serverUrl을 확인하세요',
    },
    pairs: {
      otherEngine:
        '{{pair}}: 기본 엔진 {{engine}}은(는) 여기서 이 쌍을 번역할 수 없지만 {{other}}은(는) 할 수 있습니다',
      otherEngineFix: '해당 기사는 storyloc translate --engine {{other}}로 번역하세요',
      noEngine:
        '{{pair}}: 여기서 이 쌍을 번역할 수 있는 엔진이 없습니다. 해당 기사는 번역가에게 남겨집니다(기다리는 동안 translate는 1로 끝납니다)',
      koreanFix:
        '{{env}}=…에 DeepL API 키를 넣어 export하거나(DeepL은 {{pair}}을(를) 번역합니다. Debian의 Apertium에는 한국어 언어 데이터가 없습니다), storyloc.config.yaml에서 그 언어를 빼세요',
      installFix:
        '{{pairKey}}용 Apertium 언어 데이터를 설치하거나(apt-cache search apertium), {{env}}=…에 DeepL API 키를 넣어 export하세요',
    },
    pseudo: '항상 사용 가능(테스트용 엔진: 번역 대신 텍스트에 표시만 함)',
    glossary: {
      ok: '{{dir}} 아래 파일 {{files}}개에 항목 {{entries}}개, 문제 없음',
      problems: '{{dir}} 아래 파일 {{files}}개에 항목 {{entries}}개: 오류 {{errors}}개, 경고 {{warnings}}개',
      fix: 'storyloc glossary lint로 확인하세요',
    },
    deeplGlossaries: {
      unused: '사용하지 않음({{env}}이(가) 설정되지 않았고 동기화한 적 없음)',
      lintFirst: '용어집 오류가 없어질 때까지 확인하지 않음',
      inSyncRemote: '용어집과 일치(사전 {{dictionaries}}개, DeepL에서 확인)',
      inSyncRecorded: '{{file}} 기준으로 용어집과 일치(DeepL에 묻지 않음)',
      outOfSyncRemote: '보낼 변경 {{changes}}건(필요한 사전 {{dictionaries}}개, DeepL에서 확인)',
      outOfSyncRecorded: '{{file}} 기준으로 보낼 변경 {{changes}}건(DeepL에 묻지 않음)',
      failed: '확인하지 못함: {{detail}}',
      fix: 'storyloc glossary sync를 실행하세요',
    },
    chromium: {
      ok: '{{command}} 있음(검토 페이지 테스트에 사용)',
      missing: '찾을 수 없음({{commands}} 확인함)',
      fix: 'storyloc review --serve는 어느 브라우저에서나 열립니다. 검토 페이지 테스트를 돌릴 때만 Chromium을 설치하세요(apt-get install chromium)',
    },
    verdict: {
      ok: '기본 엔진: {{engine}} ({{reason}}): 실행할 수 있습니다.',
      partial:
        '기본 엔진: {{engine}} ({{reason}}): 실행할 수 있지만 {{pairs}}은(는) 번역하지 못합니다(위의 경고 참고).',
      cannot: '기본 엔진: {{engine}} ({{reason}}): 실행할 수 없습니다. 위의 해결 방법을 보세요.',
      noConfig: '올바른 작업 공간 설정이 없습니다: 실행할 수 있는 엔진이 없습니다.',
    },
  },
};
