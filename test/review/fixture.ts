/**
 * A small translated workspace for review tests, built with the real parser, reassembly and state
 * store: one English article with a hostile title and paragraph, a three-entry glossary, Italian
 * targets written here by hand, and a state that has one segment in each interesting situation.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { readArticleFile } from '../../src/articles/read.js';
import { reassembleArticle } from '../../src/reassembly/reassemble.js';
import { outputPathFor, statePathFor, writeArticleState } from '../../src/memory/state-store.js';
import { fileHash } from '../../src/memory/records.js';
import type { ArticleState, SegmentRecord, SegmentStatus } from '../../src/memory/types.js';
import type { Article } from '../../src/segments/types.js';

export const ARTICLE = 'en/queen.md';

export const ARTICLE_TEXT = `---
title: "Queen of Tears <script>alert(1)</script> breaks records"
summary: A clip from tvN
---

# Queen of Tears finale

Kim Soo-hyun plays **Baek Hyun-woo** in *Queen of Tears*.

The finale aired on tvN. Fans cheered.

Watch the clip [on YouTube](https://youtube.com/watch?v=x) today.

Readers wrote \\<img src=x onerror=alert(2)> in the comments.
`;

export const GLOSSARY_YAML = `version: 1
entries:
  - id: queen-of-tears
    type: title
    forms: { en: Queen of Tears, ko: 눈물의 여왕, it: La regina delle lacrime }
    variants: { it: [regina delle lacrime] }
    forbidden: { it: [Regina di lacrime] }
    caseSensitive: { en: false, it: true }
  - id: kim-soo-hyun
    type: person
    forms: { en: Kim Soo-hyun, ko: 김수현, it: Kim Soo-hyun }
  - id: tvn
    type: organization
    forms: { en: tvN }
    doNotTranslate: true
    caseSensitive: true
`;

/** Segment texts of ARTICLE_TEXT (as the segmenter produces them) → test name, Italian target, state. */
const PLAN: Array<{
  name: string;
  source: string;
  target: string | null;
  state: SegmentStatus;
  extra?: Partial<SegmentRecord>;
}> = [
  {
    name: 'title',
    source: 'Queen of Tears &lt;script&gt;alert(1)&lt;/script&gt; breaks records',
    target: 'La regina delle lacrime &lt;script&gt;alert(1)&lt;/script&gt; batte i record',
    state: 'machine',
  },
  {
    name: 'summary',
    source: 'A clip from tvN',
    target: 'Una clip di tvN',
    state: 'approved',
    extra: { approvedTarget: 'Una clip di tvN', approvedSource: 'A clip from tvN' },
  },
  { name: 'heading', source: 'Queen of Tears finale', target: 'Il finale di Regina di lacrime', state: 'machine' },
  {
    name: 'lead',
    source: 'Kim Soo-hyun plays <g id="1">Baek Hyun-woo</g> in <g id="2">Queen of Tears</g>.',
    target: 'Kim Soo-hyun interpreta <g id="1">Baek Hyun-woo</g> in <g id="2">La regina delle lacrime</g>.',
    state: 'stale',
    extra: {
      previousTarget: 'Kim Soo-hyun è <g id="1">Baek Hyun-woo</g> in <g id="2">La regina delle lacrime</g>.',
      approvedTarget: 'Kim Soo-hyun è <g id="1">Baek Hyun-woo</g> in <g id="2">La regina delle lacrime</g>.',
      approvedSource: 'Kim Soo-hyun stars as <g id="1">Baek Hyun-woo</g> in <g id="2">Queen of Tears</g>.',
    },
  },
  { name: 'aired', source: 'The finale aired on tvN.', target: 'Il finale è andato in onda su tvN.', state: 'machine' },
  {
    name: 'fans',
    source: 'Fans cheered.',
    target: 'I fan hanno esultato.',
    state: 'edited',
    extra: { engine: 'human' },
  },
  {
    name: 'clip',
    source: 'Watch the clip <g id="1">on YouTube</g> today.',
    target: 'Guarda la clip <g id="1">su YouTube</g> oggi.',
    state: 'approved',
    extra: {
      approvedTarget: 'Guarda la clip <g id="1">su YouTube</g> oggi.',
      approvedSource: 'Watch the clip <g id="1">on YouTube</g> today.',
    },
  },
  {
    name: 'hostile',
    source: 'Readers wrote \\&lt;img src=x onerror=alert(2)&gt; in the comments.',
    target: 'I lettori hanno scritto \\&lt;img src=x onerror=alert(2)&gt; nei commenti.',
    state: 'machine',
  },
];

export type SegmentName = 'title' | 'summary' | 'heading' | 'lead' | 'aired' | 'fans' | 'clip' | 'hostile';

export interface ReviewFixture {
  dir: string;
  config: ResolvedConfig;
  article: Article;
  ids: Record<SegmentName, string>;
  statePath: string;
  outputPath: string;
  diffPath: string;
  state: ArticleState;
}

export const FIXTURE_TIME = '2024-04-01T10:00:00.000Z';

/** Writes the workspace into `dir` (an empty temp folder) and returns its paths and ids. */
export async function writeReviewWorkspace(dir: string): Promise<ReviewFixture> {
  mkdirSync(path.join(dir, 'articles', 'en'), { recursive: true });
  mkdirSync(path.join(dir, 'glossary'), { recursive: true });
  writeFileSync(path.join(dir, 'storyloc.config.yaml'), 'sourceLanguages: [en, ko]\ntargetLanguages: [it]\n');
  writeFileSync(path.join(dir, 'articles', 'en', 'queen.md'), ARTICLE_TEXT);
  writeFileSync(path.join(dir, 'glossary', 'terms.yaml'), GLOSSARY_YAML);
  const config = loadConfig({ workspace: dir });
  const article = readArticleFile(path.join(dir, 'articles', ARTICLE), config);
  if (article.segments.length !== PLAN.length)
    throw new Error(`fixture: expected ${PLAN.length} segments, got ${article.segments.length}`);

  const ids = {} as Record<SegmentName, string>;
  const segments: SegmentRecord[] = article.segments.map((segment, index) => {
    const plan = PLAN[index]!;
    if (segment.text !== plan.source)
      throw new Error(`fixture: segment ${index} is ${segment.text}, expected ${plan.source}`);
    ids[plan.name as SegmentName] = segment.id;
    return {
      id: segment.id,
      kind: segment.kind,
      line: segment.line,
      source: segment.text,
      sourceHash: segment.sourceHash,
      target: plan.target,
      state: plan.state,
      engine: 'deepl',
      glossary: {},
      changedBy: 'storyloc',
      changedAt: FIXTURE_TIME,
      ...plan.extra,
    };
  });
  const targets = new Map(segments.filter((r) => r.target !== null).map((r) => [r.id, r.target!]));
  const output = reassembleArticle(article, targets, 'it');
  // as the pipeline writes it: the state names the hash of the output it produced
  const state: ArticleState = {
    version: 1,
    article: ARTICLE,
    sourceLang: 'en',
    targetLang: 'it',
    sourceFileHash: fileHash(article.source),
    outputHash: fileHash(output),
    segments,
  };
  const outputPath = outputPathFor(config, ARTICLE, 'it');
  mkdirSync(path.dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, output);
  const statePath = statePathFor(config, ARTICLE, 'it');
  await writeArticleState(statePath, state);
  return { dir, config, article, ids, statePath, outputPath, diffPath: `${outputPath}.diff`, state };
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
