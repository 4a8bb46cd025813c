/**
 * A generated corpus of news-style Markdown articles (English and Korean), deterministic for a seed,
 * used by every benchmark. About 3.7 KB per article, so 2,000 articles are ~7.4 MB like the corpus the
 * field notes measured. Sentences come from a word pool with names, numbers, dates and inline markup.
 */

import { createRandom } from '../test/support/random.js';

const englishWords = (
  'the actor drama series episode ratings viewers scene director channel video behind camera hospital ' +
  'marriage crisis third generation heir weekend broadcast viewers reaction comments romance chemistry ' +
  'filming schedule network streaming platform survey ranking week month first highest record audience ' +
  'producer writer script character couple hair head emotional moment cast premiere finale season'
).split(' ');
const englishNames = [
  'Kim Soo-hyun',
  'Kim Ji-won',
  'Baek Hyun-woo',
  'Hong Hae-in',
  'tvN',
  'Good Data Corporation',
  'Queen of Tears',
];
const koreanWords =
  '배우 드라마 시청률 장면 감독 채널 영상 병원 결혼 위기 재벌 주말 방송 시청자 반응 댓글 로맨스 촬영 일정 순위 기록 작가 대본 커플 감정 순간 시즌'.split(
    ' ',
  );
const koreanNames = ['김수현', '김지원', '백현우', '홍해인', '눈물의 여왕'];
const koreanParticles = ['은', '는', '이', '가', '을', '를', '의', '에게', '과', '와', '도'];

export interface CorpusArticle {
  /** relative path under articles/, e.g. `en/story-0001.md` */
  relativePath: string;
  lang: 'en' | 'ko';
  text: string;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function englishSentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 14);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const roll = random();
    if (roll < 0.08) words.push(pick(random, englishNames));
    else if (roll < 0.11) words.push(`${Math.floor(random() * 100)}.${Math.floor(random() * 100)}%`);
    else if (roll < 0.13) words.push(`*${pick(random, englishWords)}*`);
    else if (roll < 0.14)
      words.push(`[${pick(random, englishWords)}](https://example.com/${Math.floor(random() * 1000)})`);
    else if (roll < 0.15) words.push('Mr. Kim');
    else words.push(pick(random, englishWords));
  }
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + (random() < 0.1 ? '?' : '.');
}

export function koreanSentence(random: () => number): string {
  const length = 5 + Math.floor(random() * 9);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const roll = random();
    if (roll < 0.15) words.push(pick(random, koreanNames) + pick(random, koreanParticles));
    else if (roll < 0.2) words.push(`${1 + Math.floor(random() * 12)}월 ${1 + Math.floor(random() * 28)}일`);
    else words.push(pick(random, koreanWords) + (random() < 0.5 ? pick(random, koreanParticles) : ''));
  }
  return `${words.join(' ')}${random() < 0.5 ? '했다.' : '이다.'}`;
}

/** One article: front matter, headings, paragraphs, a list, a quote, a table, a code block. */
export function generateArticle(index: number, random: () => number): CorpusArticle {
  const lang: 'en' | 'ko' = index % 4 === 3 ? 'ko' : 'en';
  const sentence = lang === 'en' ? englishSentence : koreanSentence;
  const paragraph = (count: number): string => Array.from({ length: count }, () => sentence(random)).join(' ');
  const parts: string[] = [];
  parts.push(
    '---',
    `title: "${sentence(random).replace(/"/g, '')}"`,
    `summary: ${sentence(random).replace(/[:#"*[\]]/g, '')}`,
    `date: 2024-04-${String(1 + (index % 28)).padStart(2, '0')}`,
    `lang: ${lang}`,
    '---',
    '',
  );
  parts.push(`# ${sentence(random).replace(/[.?]$/, '')}`, '');
  for (let block = 0; block < 6; block++) {
    parts.push(paragraph(3 + Math.floor(random() * 3)), '');
    if (block === 1) parts.push(`- ${sentence(random)}`, `- ${sentence(random)}`, `- ${sentence(random)}`, '');
    if (block === 2) parts.push(`> ${sentence(random)}`, `> ${sentence(random)}`, '');
    if (block === 3)
      parts.push('| Week | Rank |', '|---|---|', `| ${sentence(random)} | ${Math.floor(random() * 10)} |`, '');
    if (block === 4) parts.push('```', `const episode = ${index};`, '```', '');
    if (block === 5) parts.push(`## ${sentence(random).replace(/[.?]$/, '')}`, '');
  }
  return { relativePath: `${lang}/story-${String(index).padStart(4, '0')}.md`, lang, text: parts.join('\n') };
}

export function generateCorpus(count: number, seed = 42): CorpusArticle[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => generateArticle(index, random));
}

export function corpusBytes(corpus: readonly CorpusArticle[]): number {
  let bytes = 0;
  for (const article of corpus) bytes += Buffer.byteLength(article.text, 'utf8');
  return bytes;
}
