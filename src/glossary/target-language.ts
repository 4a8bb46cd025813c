/**
 * What an editor of the target language accepts around a glossary form, beyond the forms written in
 * the termbase. Italian: a title or name that starts with a definite article merges it with a
 * preceding preposition ("il finale della regina delle lacrime", "nella regina…", "dell'Attacco…"), or
 * keeps it after "de" ("il finale de La regina delle lacrime"); and a form that starts with an article
 * or a lower-case word takes a capital at the start of a sentence ("Della regina…", "La regina…" vs
 * "la regina…").
 */
import type { Lang } from '../languages.js';

const ITALIAN_ARTICULATED: Record<string, readonly string[]> = {
  il: ['del', 'al', 'dal', 'nel', 'sul', 'col'],
  lo: ['dello', 'allo', 'dallo', 'nello', 'sullo'],
  la: ['della', 'alla', 'dalla', 'nella', 'sulla'],
  i: ['dei', 'ai', 'dai', 'nei', 'sui', 'coi'],
  gli: ['degli', 'agli', 'dagli', 'negli', 'sugli'],
  le: ['delle', 'alle', 'dalle', 'nelle', 'sulle'],
};
const ITALIAN_ELIDED = ["dell'", "all'", "dall'", "nell'", "sull'"];
const ITALIAN_ARTICLE_START = /^(?:(il|lo|la|i|gli|le|un|uno|una)[ \u00A0]+|(l|un)['’])/i;

/** Forms derived from an accepted target form (not including the form itself). */
export function derivedTargetForms(form: string, lang: Lang): string[] {
  if (lang !== 'it') return [];
  const match = ITALIAN_ARTICLE_START.exec(form);
  if (!match) return [];
  const rest = form.slice(match[0].length);
  if (match[2] !== undefined) {
    return match[2].toLowerCase() === 'l' ? [...ITALIAN_ELIDED.map((prefix) => prefix + rest), `de ${form}`] : [];
  }
  const article = match[1]!.toLowerCase();
  const articulated = ITALIAN_ARTICULATED[article];
  if (!articulated) return []; // indefinite articles do not merge
  return [...articulated.map((prefix) => `${prefix} ${rest}`), `de ${form}`];
}

/** true when a form's first letter may change case (sentence start, or an article mid-sentence) */
export function firstLetterMayChangeCase(form: string, lang: Lang, targetSide: boolean): boolean {
  const first = form[0];
  if (first === undefined) return false;
  if (first !== first.toUpperCase() && first === first.toLowerCase()) return true; // starts lower case
  return targetSide && lang === 'it' && ITALIAN_ARTICLE_START.test(form);
}
