/**
 * Korean attaches particles and suffixes to the noun with no space (김수현은, 김수현에게는, 김수현 씨는
 * but also 김수현씨는). A term is found when the rest of the Hangul word after it can be read entirely
 * as a sequence of the particles and suffixes below; anything else means the term is only the start of
 * a longer word (김수현대학교, 한지공예) and is not a match.
 *
 * The list is deliberately closed: adding a syllable that is also a common noun start would bring false
 * matches back. Single syllables are kept to real particles.
 */

const SUFFIXES = [
  // honorifics and plural that attach to names and nouns
  '씨',
  '님',
  '군',
  '양',
  '들',
  '측',
  // case particles
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '에게',
  '에서',
  '에게서',
  '한테',
  '한테서',
  '께',
  '께서',
  '으로',
  '로',
  '으로서',
  '로서',
  '으로써',
  '로써',
  '에게로',
  '과',
  '와',
  '하고',
  '이랑',
  '랑',
  // auxiliary particles
  '도',
  '만',
  '처럼',
  '보다',
  '부터',
  '까지',
  '조차',
  '마저',
  '뿐',
  '밖에',
  '마다',
  '이나',
  '나',
  '이든',
  '이야말로',
  '야말로',
  // quotation and copula forms
  '이라고',
  '라고',
  '이라는',
  '라는',
  '이란',
  '란',
  '이라며',
  '라며',
  '이라서',
  '라서',
  '이다',
  '입니다',
  '이에요',
  '예요',
  '이야',
  '야',
  '이었다',
  '였다',
  '이었던',
  '였던',
  '이었고',
  '였고',
  '이며',
  '며',
  '이고',
  '고',
  '이지만',
  '지만',
  '인',
  '이던',
  '이자',
  '이라도',
  '라도',
  '이라면',
  '라면',
  '이라니',
  '라니',
  '인데',
  '인지',
  '이죠',
  '죠',
  '이네요',
  '네요',
  '이었는데',
  '였는데',
  '이었으나',
  '였으나',
  '이기도',
  // contracted particles of spoken and headline style (tvN에선, 김수현에겐)
  '에선',
  '에겐',
  '엔',
  '한텐',
  '으론',
  '론',
  // comparison and manner, frequent after names in entertainment news (김수현만큼, 김수현답게)
  '만큼',
  '답게',
  '다운',
  // "X's style" and "X's family/crew": 김수현표 멜로, 홍해인네
  '표',
  '네',
];

const SUFFIX_SET = new Set(SUFFIXES);
const LONGEST = Math.max(...SUFFIXES.map((suffix) => suffix.length));
/** a word longer than this after a term is never only particles */
const MAX_SUFFIX_RUN = 10;

/** true when `run` (the Hangul characters right after a term) is a sequence of particles/suffixes */
export function isParticleSequence(run: string): boolean {
  if (run.length === 0) return true;
  if (run.length > MAX_SUFFIX_RUN) return false;
  // reachable[i]: run.slice(0, i) splits into known suffixes
  const reachable = new Uint8Array(run.length + 1);
  reachable[0] = 1;
  for (let i = 0; i < run.length; i++) {
    if (!reachable[i]) continue;
    for (let length = 1; length <= LONGEST && i + length <= run.length; length++) {
      if (SUFFIX_SET.has(run.slice(i, i + length))) reachable[i + length] = 1;
    }
  }
  return reachable[run.length] === 1;
}
