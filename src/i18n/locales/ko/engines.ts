/** 번역 엔진: 사용 가능 여부, 오류. 엔진마다 한 섹션. */
export default {
  deepl: {
    missingKey: 'DeepL 엔진에는 인증 키가 필요합니다. 환경 변수 {{env}}을(를) 설정하세요.',
    rateLimited: 'DeepL이 요청 속도를 제한하고 있습니다(429 Too Many Requests). {{detail}}',
    server: 'DeepL 서버 오류가 발생했습니다(HTTP {{status}}). {{detail}}',
    network: 'DeepL 서버에 연결할 수 없습니다: {{detail}}',
    timeout: 'DeepL이 {{ms}}ms 안에 응답하지 않았습니다.',
    quota:
      'DeepL 문자 할당량을 모두 사용했습니다(456). 완료된 작업은 보존됩니다. 할당량이 허용될 때 명령을 다시 실행하세요. {{detail}}',
    auth: 'DeepL이 인증 키를 거부했습니다(403). {{env}}을(를) 확인하세요. {{detail}}',
    failed: 'DeepL 요청이 실패했습니다: {{detail}}',
    resultCount: 'DeepL이 텍스트 {{sent}}개에 대해 번역 {{received}}개를 반환했습니다.',
  },
  apertium: {
    notInstalled:
      'Apertium이 설치되어 있지 않습니다("{{command}}" 명령을 찾을 수 없음). apt-get install apertium apertium-eng-spa apertium-spa-ita로 설치하거나 --engine으로 다른 엔진을 선택하세요.',
    unsupportedPair:
      'Apertium에는 {{source}}→{{target}} 번역 데이터가 없습니다(설치된 모드: {{modes}}). 이 기사에는 --engine deepl 또는 --engine pseudo를 사용하세요.',
  },
  select: {
    unknown: '알 수 없는 엔진 "{{name}}". 가능한 값: {{expected}}.',
  },
  reason: {
    flag: '--engine으로 선택함',
    config: '{{file}}의 engine.default',
    key: '{{env}}이(가) 설정됨',
    apertium: '{{env}} 미설정, apertium 설치됨',
    none: '{{env}} 미설정, apertium 미설치',
  },
};
