/** 번역 대기열: 진행 표시, 일시 중지 안내, 중단 사유, 시험 실행 계획. */
export default {
  progress: {
    bar: '{bar} {percentage}% | 세그먼트 {value}/{total} | {characters}자{etaText}',
    eta: ' | 남은 시간 {{eta}}',
    start: '세그먼트 {{segments}}개를 요청 {{requests}}회로 번역합니다({{characters}}자)…',
    line: '세그먼트 {{done}}/{{total}}개 번역됨({{percent}}%), {{characters}}자, 재시도 {{retries}}회',
    backoff: '엔진이 {{reason}}을(를) 알렸습니다: 모든 요청을 {{seconds}}초 동안 멈춥니다.',
  },
  reason: {
    'rate-limited': '요청 과다(429)',
    server: '서버 오류',
    network: '네트워크 오류',
    quota: '할당량 소진',
    auth: '인증 실패',
    fatal: '오류',
  },
  stopped: {
    quota:
      '엔진 할당량이 소진되어 전송을 멈췄습니다. 텍스트 {{done}}개가 번역되어 저장되었습니다. 할당량이 허용될 때 같은 명령을 다시 실행하면 남은 {{remaining}}개를 번역합니다.',
    auth: '엔진이 인증 키를 거부하여 전송을 멈췄습니다. 텍스트 {{done}}개가 번역되어 저장되었습니다. 키를 고친 뒤 다시 실행하면 남은 {{remaining}}개를 번역합니다.',
    interrupted:
      '중단되었습니다. 텍스트 {{done}}개가 번역되어 저장되었습니다. 같은 명령을 다시 실행하면 남은 {{remaining}}개를 번역합니다.',
    budget:
      '과금 문자 예산 {{budget}}자에 도달하여 텍스트 {{remaining}}개를 보내지 않았습니다. 계속하려면 더 큰 --max-chars로 다시 실행하세요.',
    failed:
      '엔진 오류가 계속되어({{message}}) 재시도 {{retries}}회 후 전송을 멈췄습니다. 텍스트 {{done}}개가 번역되어 저장되었습니다. 다시 실행하면 남은 {{remaining}}개를 번역합니다.',
  },
  plan: {
    summary:
      '요청 {{requests}}건, 텍스트 {{texts}}개(중복 {{duplicates}}개는 한 번만 전송), 과금 문자 {{characters}}자',
    tooLarge: '텍스트 {{count}}개가 요청 하나의 최대 크기를 넘어 전송되지 않습니다.',
  },
};
