/** 세그먼트 상태, 번역 메모리, 잠금, 파일 쓰기, XLIFF/TMX 교환. */
export default {
  state: {
    invalidJson:
      '상태 파일 {{file}}이(가) 올바른 JSON이 아닙니다({{detail}}). 파일을 고치거나 버전 관리에서 복원하세요. 아무것도 덮어쓰지 않았습니다.',
    mergeConflict:
      '상태 파일 {{file}}에 해결되지 않은 병합 충돌 표시가 있습니다({{line}}번째 줄). 충돌을 해결하세요(한쪽을 남기거나, 한 브랜치의 파일을 가져온 뒤 translate를 다시 실행하세요). 아무것도 덮어쓰지 않았습니다.',
    invalidShape:
      '상태 파일 {{file}}의 {{field}} 필드가 올바르지 않습니다(예상: {{expected}}). 파일을 고치거나 버전 관리에서 복원하세요. 아무것도 덮어쓰지 않았습니다.',
    unreadable: '상태 파일 {{file}}을(를) 읽을 수 없습니다({{detail}}).',
    otherArticle:
      '상태 파일 {{file}}은(는) {{expected}}이(가) 아니라 {{found}}의 파일입니다. 버전 관리에서 복원하거나 삭제하세요.',
    contradictionNoTarget:
      '상태 파일 {{file}}의 세그먼트 {{id}}가 모순됩니다: 상태가 "{{state}}"인데 번역이 없습니다. 파일을 고치거나 버전 관리에서 복원하세요. 아무것도 바꾸지 않았습니다.',
    contradictionUntranslatedTarget:
      '상태 파일 {{file}}의 세그먼트 {{id}}가 모순됩니다: 상태가 "untranslated"인데 번역이 있습니다. 파일을 고치거나 버전 관리에서 복원하세요. 아무것도 바꾸지 않았습니다.',
    unknownSegment:
      '상태 파일 {{file}}에 세그먼트 {{id}}의 기록이 있지만 {{article}}에는 그 세그먼트가 없습니다. 상태는 이 버전의 기사와 일치한다고 기록되어 있습니다. 버전 관리에서 상태를 복원하거나 삭제하세요. 아무것도 바꾸지 않았습니다.',
  },
  write: {
    diskFull:
      '{{file}}을(를) 쓰는 중에 디스크가 가득 찼습니다. 반쯤 쓰인 파일은 없으며 끝난 작업은 보존됩니다. 공간을 확보한 뒤 다시 실행하세요.',
    readOnly:
      '{{file}}을(를) 쓸 수 없습니다. 폴더가 읽기 전용이거나 쓰기 권한이 없습니다({{detail}}). 아무것도 바뀌지 않았습니다.',
    failed: '{{file}}을(를) 쓸 수 없습니다({{detail}}). 반쯤 쓰인 파일은 없습니다.',
  },
  lock: {
    busy: '다른 storyloc 실행(프로세스 {{pid}})이 이 작업 공간에서 작업 중입니다({{file}}). 끝날 때까지 기다리세요. 그 프로세스가 없으면 잠금은 자동으로 회수됩니다.',
    failed: '작업 공간 잠금 {{file}}을(를) 만들 수 없습니다({{detail}}).',
  },
  edit: {
    frontMatter:
      '번역 파일이 프런트 매터를 손상시키는 방식으로 수정되었습니다(키 이름 변경이나 삭제, 구분선 삭제, 잘못된 YAML). 복원하거나 버전 관리에서 파일을 복원하세요. 아무것도 덮어쓰지 않았습니다.',
    structure:
      '번역 파일이 구조를 바꾸는 방식으로 수정되었습니다(문단, 제목, 목록 항목의 삭제나 추가, 또는 번역된 문장 밖의 텍스트 변경). 구조를 복원하세요. 아무것도 덮어쓰지 않았습니다.',
    markup:
      '번역 파일에서 세그먼트 {{id}}의 마크업이 바뀌었습니다(링크, 강조, 인라인 코드 또는 이미지가 깨졌거나 없습니다). 마크업을 복원하세요. 아무것도 덮어쓰지 않았습니다.',
    noState:
      '이 번역 파일에는 상태 파일({{state}})이 없어서 storyloc이 번역가의 작업과 자신의 작업을 구별할 수 없습니다. 상태 파일을 복원하거나 번역 파일을 다른 곳으로 옮기세요. 아무것도 덮어쓰지 않았습니다.',
    unverifiable:
      '이 번역 파일은 수정되었고 지난 실행 이후 원문도 바뀌었으며, 번역의 바탕이 된 원문을 더 이상 찾을 수 없습니다(.storyloc/sources). 번역 파일을 복원하거나, 원문을 고치기 전에 translate를 실행하세요. 아무것도 덮어쓰지 않았습니다.',
    outputEmpty:
      '번역 파일이 비어 있습니다 (잘리거나 덮어쓰였습니다). 버전 관리에서 복원하거나, 파일을 지우고 translate를 실행해 저장된 번역으로 다시 쓰세요. 세그먼트 상태는 유지되었고 아무것도 덮어쓰지 않았습니다.',
    outputNotText:
      '번역 파일이 텍스트가 아닙니다 (NUL 바이트나 UTF-8이 아닌 바이트가 있습니다). 다른 것으로 덮어쓰였습니다. 버전 관리에서 복원하거나, 파일을 지우고 translate를 실행해 저장된 번역으로 다시 쓰세요. 세그먼트 상태는 유지되었고 아무것도 덮어쓰지 않았습니다.',
  },
  interchange: {
    tmxOnePair:
      'TMX 파일에는 언어 쌍이 하나만 들어갑니다. 선택한 범위에는 {{pairs}}이(가) 있습니다. 출발 언어 하나의 기사(예: articles/en)와 --to 하나를 고르세요.',
    staleState: '{{article}}의 상태가 현재 원문과 맞지 않습니다. 먼저 storyloc translate를 실행한 뒤 가져오세요.',
    unreadable: '{{file}}을(를) 읽을 수 없습니다({{detail}}).',
    reason: {
      unknownArticle: '이 작업 공간에 번역된 기사 {{article}}이(가) 없습니다',
      unknownId: '알 수 없는 세그먼트 ID {{id}}',
      changedSource: '내보낸 뒤 세그먼트 {{id}}의 원문이 바뀌었습니다',
      badTags: '세그먼트 {{id}}의 번역문에 원문의 인라인 태그가 그대로 있지 않습니다',
    },
    unknownFormat: '알 수 없는 내보내기 형식 "{{format}}": xliff 또는 tmx를 쓰세요.',
    invalidXml: '파일 {{file}}이(가) 올바른 XML이 아닙니다({{detail}}).',
    doctype:
      '{{file}} 파일이 DOCTYPE을 선언합니다. XLIFF와 TMX 파일에는 필요하지 않으며, DTD는 확장되거나 다른 파일을 읽는 엔티티를 정의할 수 있으므로 storyloc은 이를 거부합니다. <!DOCTYPE …> 선언을 지우세요. 아무것도 가져오지 않았습니다.',
    notXliff: '이 파일은 XLIFF 1.2도 TMX 1.4도 아닙니다.',
    tmxPair:
      'TMX 파일 {{file}}은(는) {{found}}용입니다. 이 작업 공간은 {{expected}}을(를) 번역합니다. 아무것도 가져오지 않았습니다.',
    missingAttribute: '요소 <{{element}}>에 {{attribute}} 속성이 없습니다.',
    exported: '기사 {{articles}}개의 단위 {{units}}개를 {{file}}(으)로 내보냈습니다.',
    imported: '{{file}}에서 번역문 {{applied}}개를 가져왔습니다(변경 없음 {{unchanged}}개, 적용 안 됨 {{rejected}}개).',
    notApplied: '{{file}}:{{line}}: 적용 안 됨: {{reason}}',
    tmxImported: '{{file}}에서 번역 단위 {{applied}}개를 메모리로 가져왔습니다(건너뜀 {{skipped}}개).',
    noArticles: '내보낼 번역된 기사가 없습니다(먼저 storyloc translate를 실행하세요).',
  },
  command: {
    export: {
      description: '세그먼트 상태를 XLIFF 1.2(CAT 도구용) 또는 TMX 1.4(승인된 단위)로 내보냅니다',
      format: 'xliff(모든 세그먼트, CAT 도구용) 또는 tmx(승인된 단위), 필수',
      formatMissing: '형식을 지정하세요: --format xliff(모든 세그먼트, CAT 도구용) 또는 --format tmx(승인된 단위).',
      to: '대상 언어(기본값: 설정의 모든 대상 언어)',
      output: '표준 출력 대신 이 파일에 씁니다',
      articles: '내보낼 기사(기본값: 전체)',
    },
    import: {
      description: '번역된 XLIFF 1.2 파일(번역문과 상태) 또는 TMX 1.4 메모리를 가져옵니다',
      file: 'XLIFF 또는 TMX 파일',
      by: '변경한 사람으로 기록할 이름',
    },
  },
};
