/**
 * Term matching: one Aho–Corasick automaton per (termbase, language, options), built once and reused for
 * any number of texts (the check runs 10,000 terms over thousands of articles with one matcher).
 *
 * Rules applied to every candidate the automaton reports:
 *   - folding: case, space vs hyphen (Kim Soo-hyun ≈ Kim Soo Hyun ≈ Kim Soo‑hyun), ’ vs ';
 *   - case per entry and language: a case-sensitive form must match exactly, except a first letter
 *     that may change case (a lower-case form at sentence start; an Italian article on the target side);
 *   - `separators: 'strict'` (target side): a hyphen must stay a hyphen, a space a space;
 *   - Latin boundaries: no letter or digit before; after, no letter/digit, not even behind a hyphen
 *     (`Kim` not in `Kimchi`, `Han Ji` not in `Han Ji-min`);
 *   - Korean: no letter right before; the Hangul right after must be particles/suffixes only
 *     (김수현은, 김수현씨는, tvN에서), so 김수현대학교 and 한지공예 are not matches;
 *   - leftmost-longest: among overlapping matches the one starting first wins, then the longest
 *     ("Queen of Tears" over "Queen"), then canonical over variant, then termbase order.
 */
import type { Lang } from '../languages.js';
import { buildAutomaton, type Automaton } from './automaton.js';
import { CLASS, CharClass, ensureCharTables, FOLD, foldText } from './chars.js';
import { acceptedFormsOf, entriesOf, forbiddenOf, isCaseSensitive } from './entry.js';
import { isParticleSequence } from './korean.js';
import { identityProjection, mapSpan, projectXml, type Projection } from './projection.js';
import { derivedTargetForms, firstLetterMayChangeCase } from './target-language.js';
import type { GlossaryEntry, TermMatch, Termbase } from './types.js';

export type FormKind = 'canonical' | 'variant' | 'forbidden';

export interface TermMatcherOptions {
  /** which forms to look for (default canonical and variants) */
  forms?: readonly FormKind[];
  /** `xml` (default): the text is segment XML, matched over its plain projection; `plain`: as is */
  markup?: 'xml' | 'plain';
  /** `loose` (default): hyphen ≈ space; `strict`: as written (target-side checks) */
  separators?: 'loose' | 'strict';
  /**
   * Target-side matching: also accept forms the target language derives (Italian articulated
   * prepositions) and an article that changes case. Default false.
   */
  targetSide?: boolean;
  /** only these entries */
  filter?: (entry: GlossaryEntry) => boolean;
  /** `longest` (default): leftmost-longest, no overlaps; `all`: every valid occurrence */
  overlaps?: 'longest' | 'all';
}

export interface MatchOptions {
  /** overrides the matcher's markup for one call */
  markup?: 'xml' | 'plain';
}

export interface TermMatcher {
  readonly lang: Lang;
  /** number of patterns (forms) in the automaton */
  readonly patternCount: number;
  match(text: string, options?: MatchOptions): TermMatch[];
}

const enum Edge {
  none = 0,
  latin = 1,
  hangul = 2,
}

interface Pattern {
  entryIndex: number;
  entryId: string;
  kind: FormKind;
  /** tie-break: canonical 0, variant 1, derived 2, forbidden 3 */
  rank: number;
  form: string;
  derived: 'articulated' | undefined;
  length: number;
  caseSensitive: boolean;
  firstLetterFree: boolean;
  left: Edge;
  right: Edge;
}

function edgeOf(code: number): Edge {
  const cls = CLASS[code]! as CharClass;
  if (cls === CharClass.word) return Edge.latin;
  if (cls === CharClass.hangul) return Edge.hangul;
  return Edge.none;
}

/** The forms of the entries in `lang` that the options ask for, as patterns, with their folded text. */
function collectPatterns(
  entries: readonly GlossaryEntry[],
  lang: Lang,
  options: TermMatcherOptions,
): { patterns: Pattern[]; folded: string[] } {
  const kinds = new Set<FormKind>(options.forms ?? ['canonical', 'variant']);
  const targetSide = options.targetSide ?? false;
  const patterns: Pattern[] = [];
  const folded: string[] = [];
  const seen = new Set<string>();
  const add = (
    entryIndex: number,
    entry: GlossaryEntry,
    form: string,
    kind: FormKind,
    derived?: 'articulated',
  ): void => {
    const trimmed = form.trim();
    if (trimmed === '') return; // lint reports it; an empty pattern would match everywhere
    // exact text: two forms that only differ by case or hyphenation verify differently
    const key = `${entryIndex}\u0000${kind}\u0000${trimmed}`;
    if (seen.has(key)) return;
    seen.add(key);
    const caseSensitive = isCaseSensitive(entry, lang);
    patterns.push({
      entryIndex,
      entryId: entry.id,
      kind,
      rank: kind === 'canonical' ? 0 : kind === 'forbidden' ? 3 : derived ? 2 : 1,
      form: trimmed,
      derived,
      length: trimmed.length,
      caseSensitive,
      // a forbidden form is wrong at sentence start too; a derived form starts with a lower-case preposition
      firstLetterFree:
        kind === 'forbidden' ||
        derived !== undefined ||
        (!entry.doNotTranslate && firstLetterMayChangeCase(trimmed, lang, targetSide)),
      left: edgeOf(trimmed.charCodeAt(0)),
      right: edgeOf(trimmed.charCodeAt(trimmed.length - 1)),
    });
    folded.push(foldText(trimmed));
  };
  entries.forEach((entry, index) => {
    if (options.filter && !options.filter(entry)) return;
    const accepted = acceptedFormsOf(entry, lang);
    accepted.forEach((form, position) => {
      const kind: FormKind = position === 0 ? 'canonical' : 'variant';
      if (kinds.has(kind)) add(index, entry, form, kind);
      if (targetSide && kinds.has(kind) && !entry.doNotTranslate) {
        for (const derivedForm of derivedTargetForms(form, lang)) add(index, entry, derivedForm, kind, 'articulated');
      }
    });
    if (kinds.has('forbidden')) for (const form of forbiddenOf(entry, lang)) add(index, entry, form, 'forbidden');
  });
  return { patterns, folded };
}

/**
 * The word boundaries around a candidate [start, end): the length of the Korean particles after it, or
 * -1 when a letter touches it (Latin boundary) or what follows in Hangul is not a particle sequence.
 */
function boundarySuffix(pattern: Pattern, plain: string, start: number, end: number): number {
  if (pattern.left !== Edge.none && start > 0) {
    const before = CLASS[plain.charCodeAt(start - 1)]! as CharClass;
    if (before === CharClass.word || before === CharClass.hangul) return -1;
  }
  if (pattern.right === Edge.none || end >= plain.length) return 0;
  const after = CLASS[plain.charCodeAt(end)]! as CharClass;
  if (after === CharClass.hangul) {
    let runEnd = end + 1;
    while (runEnd < plain.length && CLASS[plain.charCodeAt(runEnd)] === CharClass.hangul) runEnd++;
    return isParticleSequence(plain.slice(end, runEnd)) ? runEnd - end : -1;
  }
  if (pattern.right === Edge.latin) {
    if (after === CharClass.word) return -1;
    if (after === CharClass.hyphen && end + 1 < plain.length) {
      const next = CLASS[plain.charCodeAt(end + 1)]! as CharClass;
      if (next === CharClass.word || next === CharClass.hangul) return -1;
    }
  }
  return 0;
}

/** Case (for a case-sensitive form) and separators (when strict) agree letter by letter. */
function lettersAgree(pattern: Pattern, plain: string, start: number, strictSeparators: boolean): boolean {
  const form = pattern.form;
  for (let k = 0; k < pattern.length; k++) {
    const a = plain.charCodeAt(start + k);
    const b = form.charCodeAt(k);
    if (a === b) continue;
    const classA = CLASS[a]! as CharClass;
    const classB = CLASS[b]! as CharClass;
    const separatorA = classA === CharClass.space || classA === CharClass.hyphen;
    const separatorB = classB === CharClass.space || classB === CharClass.hyphen;
    if (separatorA || separatorB) {
      if (strictSeparators && classA !== classB) return false;
      continue;
    }
    // folded equal (the automaton guarantees it): differs by case, or by apostrophe style
    const caseDiffers = FOLD[a] !== a || FOLD[b] !== b;
    if (caseDiffers && pattern.caseSensitive && !(k === 0 && pattern.firstLetterFree)) return false;
  }
  return true;
}

interface Candidate {
  pattern: Pattern;
  start: number;
  end: number;
  suffix: number;
}

/**
 * The candidates kept, in text order: the longest, best-ranked one at each place without overlaps, or
 * with `all` overlaps between entries (a form inside a longer form of the same entry, "regina delle
 * lacrime" inside "La regina delle lacrime", stays one occurrence).
 */
function keptCandidates(found: Candidate[], allOverlaps: boolean): Candidate[] {
  found.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      a.pattern.rank - b.pattern.rank ||
      a.pattern.entryIndex - b.pattern.entryIndex,
  );
  const kept: Candidate[] = [];
  let lastEnd = -1;
  const coveredUntil = new Map<number, number>();
  for (const candidate of found) {
    if (allOverlaps) {
      const covered = coveredUntil.get(candidate.pattern.entryIndex) ?? -1;
      if (candidate.end <= covered) continue;
      coveredUntil.set(candidate.pattern.entryIndex, Math.max(covered, candidate.end));
    } else {
      if (candidate.start < lastEnd) continue;
      lastEnd = candidate.end;
    }
    kept.push(candidate);
  }
  return kept;
}

function termMatchOf(candidate: Candidate, projection: Projection, lang: Lang): TermMatch {
  const plain = projection.text;
  const span = mapSpan(projection, candidate.start, candidate.end);
  const result: TermMatch = {
    entryId: candidate.pattern.entryId,
    lang,
    start: span.start,
    end: span.end,
    surface: plain.slice(candidate.start, candidate.end + candidate.suffix),
    matchedAs: candidate.pattern.kind,
    form: candidate.pattern.form,
    suffix: plain.slice(candidate.end, candidate.end + candidate.suffix),
  };
  if (candidate.pattern.derived) result.derived = candidate.pattern.derived;
  return result;
}

export function createTermMatcher(
  termbase: Termbase | readonly GlossaryEntry[],
  lang: Lang,
  options: TermMatcherOptions = {},
): TermMatcher {
  ensureCharTables();
  const strictSeparators = (options.separators ?? 'loose') === 'strict';
  const defaultMarkup = options.markup ?? 'xml';
  const allOverlaps = options.overlaps === 'all';
  const { patterns, folded } = collectPatterns(entriesOf(termbase), lang, options);
  const automaton: Automaton = buildAutomaton(folded);

  function match(text: string, matchOptions: MatchOptions = {}): TermMatch[] {
    const markup = matchOptions.markup ?? defaultMarkup;
    const projection: Projection = markup === 'xml' ? projectXml(text) : identityProjection(text);
    const plain = projection.text;
    const found: Candidate[] = [];
    automaton.scan(plain, (patternIndex, end) => {
      const pattern = patterns[patternIndex]!;
      const start = end - pattern.length;
      const suffix = boundarySuffix(pattern, plain, start, end);
      if (suffix < 0) return;
      if ((pattern.caseSensitive || strictSeparators) && !lettersAgree(pattern, plain, start, strictSeparators)) return;
      found.push({ pattern, start, end, suffix });
    });
    if (found.length === 0) return [];
    return keptCandidates(found, allOverlaps).map((candidate) => termMatchOf(candidate, projection, lang));
  }

  return { lang, patternCount: patterns.length, match };
}
