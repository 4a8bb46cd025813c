/**
 * The deterministic "machine translation" of the DeepL test server, and its billing count.
 *
 * Rules, applied to every text, in this order (tests may rely on them):
 * 1. With `tag_handling=xml` (or `html`), tags (`<g id="1">`, `</g>`, `<x id="2"/>`) and entities
 *    (`&amp;`) are copied unchanged and only the text between them is translated; the text inside an
 *    element named in `ignore_tags` or marked `translate="no"` is copied unchanged too. Without tag handling
 *    the whole string is text, so words inside tags get translated too (tags break, as they can with DeepL).
 * 2. Glossary entries of the request's glossary for the pair are applied first: whole words, case-sensitive,
 *    longest source term first; the target term is inserted as written (XML-escaped in XML mode), with
 *    its first letter capitalised where it starts a sentence (as DeepL adapts glossary terms to the
 *    sentence), and is not touched by the next step. A Hangul term also matches with a Korean particle attached (김수현은), and
 *    the particle is dropped, as a real translation would.
 * 3. Every other word (a letter followed by letters, marks and digits, with inner `-`/`'`) is looked up
 *    in a small built-in dictionary for en→it and ko→it (case-insensitive; a capitalised source word gives
 *    a capitalised translation; a Korean word is also looked up without a trailing particle). A word not in
 *    the dictionary, or any word for another target, becomes `word-xx` where xx is the base target code
 *    (`Kim` → `Kim-it`): visibly machine-made, and proof that no glossary entry covered it.
 * 4. Numbers, punctuation and whitespace are copied unchanged.
 * Formality: "you"/"your" become "Lei"/"Suo" with formality more/prefer_more, else "tu"/"tuo".
 *
 * Billed characters: Unicode code points of the text; in XML mode tags are not counted and an entity
 * counts as the one character it stands for.
 */

import { renderMarkup, tokenizeMarkup, translateRuns } from './deepl-markup.js';

export interface ServerTranslateOptions {
  /** base source language, lower case (`en`) */
  sourceLang: string;
  /** target language as sent, any case (`it`, `EN-US`) */
  targetLang: string;
  /** tag_handling was xml or html */
  xml: boolean;
  /** glossary entries for this pair: source term → target term */
  glossary?: ReadonlyMap<string, string>;
  formality?: string;
  /** with xml: text inside these elements (and inside `translate="no"` elements) is left untouched */
  ignoreTags?: ReadonlySet<string>;
}

const WORD_OR_ENTITY = /&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’]\p{L}[\p{L}\p{M}\p{N}]*)*/gu;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/** Korean particles (and the copula/quotative endings news text uses), longest first. */
const KOREAN_PARTICLES = [
  '이라고',
  '에게서',
  '한테서',
  '으로서',
  '으로써',
  '입니다',
  '이에요',
  '에서는',
  '에게는',
  '에게',
  '한테',
  '에서',
  '으로',
  '처럼',
  '까지',
  '부터',
  '라고',
  '보다',
  '이나',
  '이랑',
  '께서',
  '씨는',
  '씨가',
  '씨의',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '와',
  '과',
  '도',
  '만',
  '로',
  '씨',
  '님',
  '들',
];

const ENGLISH_TO_ITALIAN: Record<string, string> = {
  a: 'un',
  about: 'su',
  actor: 'attore',
  actors: 'attori',
  actress: 'attrice',
  after: 'dopo',
  again: 'di nuovo',
  all: 'tutti',
  also: 'anche',
  an: 'un',
  and: 'e',
  are: 'sono',
  as: 'come',
  at: 'a',
  be: 'essere',
  been: 'stato',
  before: 'prima',
  behind: 'dietro',
  best: 'migliore',
  but: 'ma',
  by: 'da',
  channel: 'canale',
  character: 'personaggio',
  characters: 'personaggi',
  clip: 'clip',
  couple: 'coppia',
  day: 'giorno',
  drama: 'dramma',
  dramas: 'drammi',
  during: 'durante',
  episode: 'episodio',
  episodes: 'episodi',
  fans: 'fan',
  final: 'finale',
  first: 'primo',
  for: 'per',
  from: 'da',
  has: 'ha',
  have: 'hanno',
  he: 'lui',
  her: 'lei',
  highest: 'più alto',
  his: 'suo',
  how: 'come',
  husband: 'marito',
  i: 'io',
  in: 'in',
  is: 'è',
  it: 'esso',
  its: 'suo',
  last: 'ultimo',
  love: 'amore',
  more: 'più',
  most: 'più',
  new: 'nuovo',
  news: 'notizie',
  not: 'non',
  of: 'di',
  on: 'su',
  one: 'uno',
  or: 'o',
  ratings: 'ascolti',
  released: 'pubblicato',
  said: 'ha detto',
  says: 'dice',
  scene: 'scena',
  scenes: 'scene',
  series: 'serie',
  she: 'lei',
  show: 'show',
  star: 'stella',
  stars: 'stelle',
  story: 'storia',
  that: 'che',
  the: 'il',
  their: 'loro',
  they: 'loro',
  this: 'questo',
  three: 'tre',
  time: 'tempo',
  to: 'a',
  two: 'due',
  video: 'video',
  viewers: 'spettatori',
  was: 'era',
  we: 'noi',
  were: 'erano',
  what: 'cosa',
  when: 'quando',
  where: 'dove',
  who: 'chi',
  wife: 'moglie',
  will: 'sarà',
  with: 'con',
  world: 'mondo',
  year: 'anno',
  years: 'anni',
};

const KOREAN_TO_ITALIAN: Record<string, string> = {
  그리고: 'e',
  그러나: 'ma',
  드라마: 'dramma',
  배우: 'attore',
  배우들: 'attori',
  여왕: 'regina',
  눈물: 'lacrime',
  영상: 'video',
  공개: 'pubblicazione',
  시청률: 'ascolti',
  최고: 'massimo',
  최종회: 'episodio finale',
  남편: 'marito',
  아내: 'moglie',
  사랑: 'amore',
  팬: 'fan',
  팬들: 'fan',
  촬영: 'riprese',
  현장: 'set',
  장면: 'scena',
  이야기: 'storia',
  올해: "quest'anno",
  채널: 'canale',
  그: 'lui',
  그녀: 'lei',
};

const FORMAL = new Set(['more', 'prefer_more']);

/** The base language of a DeepL code, lower case: `EN-US` → `en`. */
export function baseLanguage(code: string): string {
  return code.split('-')[0]!.toLowerCase();
}

/** Translates one text by the rules at the top of this file. */
export function translateForTest(text: string, options: ServerTranslateOptions): string {
  const target = baseLanguage(options.targetLang);
  const context: WordContext = {
    source: options.sourceLang.toLowerCase(),
    target,
    formal: options.formality !== undefined && FORMAL.has(options.formality),
  };
  const glossary = options.glossary && options.glossary.size > 0 ? options.glossary : undefined;
  // the source text before the run (tags left out): tells whether a glossary hit starts a sentence
  let before = '';
  const translateRun = (run: string): string => {
    const pieces = glossary ? applyGlossary(run, glossary, options.xml, before) : [{ text: run, fixed: false }];
    before += run;
    return pieces.map((piece) => (piece.fixed ? piece.text : translateWords(piece.text, context))).join('');
  };
  if (!options.xml) return translateRun(text);
  const ignoreTags = options.ignoreTags ?? new Set<string>();
  return renderMarkup(translateRuns(tokenizeMarkup(text), ignoreTags, translateRun));
}

/** Billed characters of one text: code points, without tags and with entities decoded in XML mode. */
export function billedCharactersForTest(text: string, xml: boolean): number {
  if (!xml || (!text.includes('<') && !text.includes('&'))) return codePoints(text);
  const withoutTags = text.replace(/<[^>]*>/g, '');
  const decoded = withoutTags.replace(/&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g, 'E');
  return codePoints(decoded);
}

/** Unicode code points of a text (`[...text].length` without the array). */
function codePoints(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // a high surrogate followed by a low one is one code point
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

interface WordContext {
  source: string;
  target: string;
  formal: boolean;
}

interface Piece {
  text: string;
  /** produced by the glossary: not translated further */
  fixed: boolean;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Term {
  source: string;
  target: string;
  /** ends in Hangul: may carry a particle */
  hangul: boolean;
}

/**
 * Terms sorted longest first, per glossary and mode (a glossary map is reused by many requests). The
 * glossary store replaces a dictionary's Map on every change, so a cached entry never goes stale.
 */
const preparedTerms = new WeakMap<ReadonlyMap<string, string>, { xml: Term[]; plain: Term[] }>();

function termsOf(glossary: ReadonlyMap<string, string>, xml: boolean): Term[] {
  let prepared = preparedTerms.get(glossary);
  if (!prepared) {
    const build = (escaped: boolean): Term[] =>
      [...glossary.entries()]
        .map(([source, target]) => ({
          source: escaped ? escapeXml(source) : source,
          target: escaped ? escapeXml(target) : target,
          hangul: HANGUL.test(source.at(-1) ?? ''),
        }))
        .sort((a, b) => b.source.length - a.source.length);
    prepared = { xml: build(true), plain: build(false) };
    preparedTerms.set(glossary, prepared);
  }
  return xml ? prepared.xml : prepared.plain;
}

/**
 * A sentence starts here: nothing before it, or a sentence end (`.`, `!`, `?`, `…`, maybe closed by a
 * quote or bracket) and spaces, maybe then an opening quote.
 */
const SENTENCE_START = /(?:^|[.!?…]["”»’)]?\s+)["“„«‘(]?$/u;

/** DeepL writes a glossary target as the sentence needs: capitalised where a sentence starts, else as written. */
function withSentenceCase(target: string, sentenceStart: boolean): string {
  // a first word with a capital inside (tvN, iPhone) is a name spelt that way: never recased
  if (!sentenceStart || /^\p{L}\S*\p{Lu}/u.test(target)) return target;
  return target.charAt(0).toUpperCase() + target.slice(1);
}

/** Splits a text run into glossary hits (fixed) and the text between them. */
function applyGlossary(run: string, glossary: ReadonlyMap<string, string>, xml: boolean, before: string): Piece[] {
  const terms = termsOf(glossary, xml);
  const pieces: Piece[] = [];
  let plainStart = 0;
  let index = 0;
  while (index < run.length) {
    const hit = matchTermAt(run, index, terms);
    if (!hit) {
      index += 1;
      continue;
    }
    if (index > plainStart) pieces.push({ text: run.slice(plainStart, index), fixed: false });
    pieces.push({ text: withSentenceCase(hit.target, SENTENCE_START.test(before + run.slice(0, index))), fixed: true });
    index = hit.end;
    plainStart = index;
  }
  if (plainStart < run.length) pieces.push({ text: run.slice(plainStart), fixed: false });
  return pieces;
}

function matchTermAt(run: string, index: number, terms: Term[]): { target: string; end: number } | undefined {
  const before = index > 0 ? run[index - 1]! : '';
  if (before && LETTER_OR_NUMBER.test(before)) return undefined;
  for (const term of terms) {
    if (!run.startsWith(term.source, index)) continue;
    const end = index + term.source.length;
    const after = run[end] ?? '';
    if (!after || !LETTER_OR_NUMBER.test(after)) return { target: term.target, end };
    if (term.hangul && HANGUL.test(after)) {
      const rest = /^\p{Script=Hangul}+/u.exec(run.slice(end))![0];
      if (KOREAN_PARTICLES.includes(rest)) return { target: term.target, end: end + rest.length };
    }
  }
  return undefined;
}

function translateWords(text: string, context: WordContext): string {
  const known = knownWords(context);
  return text.replace(WORD_OR_ENTITY, (word) => {
    if (word.startsWith('&')) return word;
    let translated = known.get(word);
    if (translated === undefined) {
      translated = translateWord(word, context);
      if (known.size < KNOWN_WORDS_LIMIT) known.set(word, translated);
    }
    return translated;
  });
}

/**
 * Words already translated, per source, target and formality: `translateWord` depends on nothing else,
 * and a run sends the same words thousands of times (the server's CPU shares the cores with the client).
 */
const knownWordsByContext = new Map<string, Map<string, string>>();
const KNOWN_WORDS_LIMIT = 200_000;

function knownWords(context: WordContext): Map<string, string> {
  const key = `${context.source}|${context.target}|${context.formal}`;
  let known = knownWordsByContext.get(key);
  if (!known) {
    known = new Map();
    knownWordsByContext.set(key, known);
  }
  return known;
}

function translateWord(word: string, context: WordContext): string {
  const marked = `${word}-${context.target}`;
  if (context.target !== 'it') return marked;
  const lower = word.toLowerCase();
  if (context.source === 'en') {
    if (lower === 'you') return capitaliseLike(word, context.formal ? 'Lei' : 'tu', context.formal);
    if (lower === 'your') return capitaliseLike(word, context.formal ? 'Suo' : 'tuo', context.formal);
    const italian = ENGLISH_TO_ITALIAN[lower];
    return italian === undefined ? marked : capitaliseLike(word, italian, false);
  }
  if (context.source === 'ko') {
    const direct = KOREAN_TO_ITALIAN[word];
    if (direct !== undefined) return direct;
    for (const particle of KOREAN_PARTICLES) {
      if (word.length > particle.length && word.endsWith(particle)) {
        const stem = KOREAN_TO_ITALIAN[word.slice(0, -particle.length)];
        if (stem !== undefined) return stem;
      }
    }
  }
  return marked;
}

/** A capitalised source word gives a capitalised translation; `alwaysCapital` keeps "Lei" capitalised. */
function capitaliseLike(source: string, translation: string, alwaysCapital: boolean): string {
  const first = source[0]!;
  const capital = alwaysCapital || (first !== first.toLowerCase() && first === first.toUpperCase());
  return capital ? translation[0]!.toUpperCase() + translation.slice(1) : translation;
}
