/**
 * Glossary enforcement for engines that cannot apply a glossary (Apertium, pseudo, a pair DeepL lacks):
 * each matched source term is replaced by a standalone inline tag `<x id="tN"/>` before MT, and the tag
 * by the entry's canonical target form after. A standalone tag is what survives MT: DeepL keeps tags
 * with tag_handling=xml and the Apertium engine keeps every `<…>` tag. The `t` prefix keeps these ids
 * apart from the segment's own numeric tag ids.
 *
 * MT is not trusted: every placeholder must come back exactly once. A lost or duplicated placeholder is
 * a problem (value) that the pipeline records as a segment flag, so the segment is never published
 * silently. Restoration still fills in every placeholder that came back, so a reviewer sees readable text.
 *
 * Italian: a form that starts with a definite article merges with a preposition MT put before the
 * placeholder ("di <x id="t1"/>" → "della regina delle lacrime"), as an editor would write it.
 *
 * Case: the restored text takes the case the sentence needs. A term that starts a sentence of the
 * translation gets a capital first letter (unless its first word is spelt with an inner capital, like
 * tvN); mid-sentence it is written exactly as the termbase has it. MT may also take a sentence-initial
 * placeholder for something before the sentence and capitalise the next word (Apertium: "<x/> Ha
 * scritto"): when the word after the term was lower case in the source, that capital is undone
 * ("Kim Soo-hyun ha scritto").
 */
import { EngineError, type Engine, type TranslateBatchRequest } from '../engines/types.js';
import type { Lang } from '../languages.js';
import { formOf } from './entry.js';
import type { GlossaryEntry, TermMatch, Termbase } from './types.js';

export interface TermPlaceholder {
  /** tag id, `t1`, `t2`, … */
  id: string;
  /** the exact tag put in the text */
  tag: string;
  entryId: string;
  /** the source text the tag replaced (XML) */
  source: string;
  /** the canonical target form (plain text) */
  target: string;
  targetLang: Lang;
  /** case of the word right after the term in the source (`none`: punctuation, the end, or a caseless script) */
  nextWordCase?: 'lower' | 'upper' | 'none';
}

export interface ProtectResult {
  /** the text with placeholders */
  text: string;
  placeholders: TermPlaceholder[];
  /** matches left as they were: the span crosses inline markup, or the entry has no target form */
  unprotected: TermMatch[];
}

export type PlaceholderProblemCode = 'placeholder.lost' | 'placeholder.duplicated' | 'placeholder.unknown';

export interface PlaceholderProblem {
  code: PlaceholderProblemCode;
  placeholderId: string;
  entryId: string | null;
  /** how many times the placeholder came back */
  count: number;
}

export interface RestoreResult {
  text: string;
  problems: PlaceholderProblem[];
}

function entryLookup(termbase: Termbase | readonly GlossaryEntry[]): (id: string) => GlossaryEntry | undefined {
  if (!Array.isArray(termbase)) {
    const byId = (termbase as Termbase).byId;
    return (id) => byId.get(id);
  }
  const byId = new Map<string, GlossaryEntry>();
  for (const entry of termbase as readonly GlossaryEntry[]) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return (id) => byId.get(id);
}

/** The case of the first letter of the word after `end` (spaces and inline tags skipped). */
function nextWordCase(text: string, end: number): 'lower' | 'upper' | 'none' {
  const next = /^(?:\s|<[^>]*>)*(\p{L})/u.exec(text.slice(end, end + 200));
  if (!next) return 'none';
  const letter = next[1]!;
  if (letter !== letter.toUpperCase()) return 'lower';
  return letter !== letter.toLowerCase() ? 'upper' : 'none';
}

/**
 * A sentence starts here: nothing before it but opening quotes/brackets (and the pseudo engine's `⟦`), or
 * a sentence end and spaces. Tested on the text before a placeholder with its tags removed.
 */
const SENTENCE_START = /(?:^|[.!?…]["”»’)\]]?\s+)["“„«‘([⟦]*\s*$/u;

function atSentenceStart(before: string): boolean {
  return SENTENCE_START.test(before.replace(/<[^>]*>/g, ''));
}

/** A first word spelt with a capital inside it (tvN, iPhone) is a name: never recased. */
function capitalised(target: string): string {
  if (/^\p{L}\S*\p{Lu}/u.test(target)) return target;
  return target.charAt(0).toUpperCase() + target.slice(1);
}

/** "Ha scritto" → "ha scritto" after a sentence-initial term whose source was followed by a lower-case word. */
function lowerArtefactCapital(after: string): string {
  return after.replace(
    /^(\s+)(\p{Lu})(?=\p{Ll}|\s|$)/u,
    (_, space: string, letter: string) => space + letter.toLowerCase(),
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Replaces matched terms by placeholders. `matches` are offsets into `text` (from a TermMatcher). */
export function protectTerms(
  text: string,
  matches: readonly TermMatch[],
  termbase: Termbase | readonly GlossaryEntry[],
  targetLang: Lang,
): ProtectResult {
  const lookup = entryLookup(termbase);
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const placeholders: TermPlaceholder[] = [];
  const unprotected: TermMatch[] = [];
  let out = '';
  let cursor = 0;
  for (const match of sorted) {
    const entry = lookup(match.entryId);
    const target = entry ? formOf(entry, targetLang) : undefined;
    const source = text.slice(match.start, match.end);
    // a span with a tag inside (`Queen</g> of Tears`) cannot become one tag without breaking the markup
    if (match.start < cursor || target === undefined || source.includes('<')) {
      unprotected.push(match);
      continue;
    }
    const id = `t${placeholders.length + 1}`;
    const tag = `<x id="${id}"/>`;
    placeholders.push({
      id,
      tag,
      entryId: match.entryId,
      source,
      target,
      targetLang,
      nextWordCase: nextWordCase(text, match.end),
    });
    out += text.slice(cursor, match.start) + tag;
    cursor = match.end;
  }
  out += text.slice(cursor);
  return { text: out, placeholders, unprotected };
}

// MT may rewrite an empty element's spelling: <x id="t1"/>, <x id='t1' />, <x id="t1"></x>
const PLACEHOLDER_TAG = /<x\s+id\s*=\s*(?:"(t\d+)"|'(t\d+)')\s*(?:\/>|>\s*<\/x\s*>)/g;

const ITALIAN_CONTRACTIONS: Record<string, Record<string, string>> = {
  di: { il: 'del', lo: 'dello', la: 'della', i: 'dei', gli: 'degli', le: 'delle', "l'": "dell'" },
  a: { il: 'al', lo: 'allo', la: 'alla', i: 'ai', gli: 'agli', le: 'alle', "l'": "all'" },
  da: { il: 'dal', lo: 'dallo', la: 'dalla', i: 'dai', gli: 'dagli', le: 'dalle', "l'": "dall'" },
  in: { il: 'nel', lo: 'nello', la: 'nella', i: 'nei', gli: 'negli', le: 'nelle', "l'": "nell'" },
  su: { il: 'sul', lo: 'sullo', la: 'sulla', i: 'sui', gli: 'sugli', le: 'sulle', "l'": "sull'" },
};

/** "di " + "La regina delle lacrime" → "della regina delle lacrime"; null when nothing merges */
function contractItalian(before: string, target: string): { before: string; target: string } | null {
  const preposition = /(^|[^\p{L}\p{N}])(di|a|da|in|su) $/iu.exec(before);
  if (!preposition) return null;
  const article = /^(il|lo|la|i|gli|le) |^(l['’])/i.exec(target);
  if (!article) return null;
  const articleKey = article[1] !== undefined ? article[1].toLowerCase() : "l'";
  const merged = ITALIAN_CONTRACTIONS[preposition[2]!.toLowerCase()]?.[articleKey];
  if (!merged) return null;
  const prepositionText = preposition[2]!;
  // keep a capital the sentence gave the preposition ("Di <x/>" → "Della …")
  const capitalised =
    prepositionText[0] !== prepositionText[0]!.toLowerCase() ? merged[0]!.toUpperCase() + merged.slice(1) : merged;
  const rest = target.slice(article[0].length);
  return {
    before: before.slice(0, before.length - prepositionText.length - 1),
    target: articleKey === "l'" ? capitalised + rest : `${capitalised} ${rest}`,
  };
}

/** Puts canonical target forms back and reports placeholders that did not come back exactly once. */
export function restoreTerms(translated: string, placeholders: readonly TermPlaceholder[]): RestoreResult {
  const byId = new Map(placeholders.map((placeholder) => [placeholder.id, placeholder]));
  const counts = new Map<string, number>();
  const unknown = new Map<string, number>();
  let out = '';
  let cursor = 0;
  for (const found of translated.matchAll(PLACEHOLDER_TAG)) {
    const id = (found[1] ?? found[2])!;
    const placeholder = byId.get(id);
    if (!placeholder) {
      unknown.set(id, (unknown.get(id) ?? 0) + 1);
      continue; // left in the text: the review shows it
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
    let before = out + translated.slice(cursor, found.index);
    let target = placeholder.target;
    const sentenceStart = atSentenceStart(before);
    if (placeholder.targetLang === 'it') {
      const contracted = contractItalian(before, target);
      if (contracted) ({ before, target } = contracted);
    }
    if (sentenceStart) target = capitalised(target);
    out = before + escapeXml(target);
    cursor = found.index + found[0].length;
    if (sentenceStart && placeholder.nextWordCase === 'lower') {
      const next = translated.indexOf('<', cursor);
      const run = next === -1 ? translated.slice(cursor) : translated.slice(cursor, next);
      out += lowerArtefactCapital(run);
      cursor += run.length;
    }
  }
  out += translated.slice(cursor);

  const problems: PlaceholderProblem[] = [];
  for (const placeholder of placeholders) {
    const count = counts.get(placeholder.id) ?? 0;
    if (count === 0)
      problems.push({ code: 'placeholder.lost', placeholderId: placeholder.id, entryId: placeholder.entryId, count });
    else if (count > 1)
      problems.push({
        code: 'placeholder.duplicated',
        placeholderId: placeholder.id,
        entryId: placeholder.entryId,
        count,
      });
  }
  for (const [id, count] of unknown)
    problems.push({ code: 'placeholder.unknown', placeholderId: id, entryId: null, count });
  return { text: out, problems };
}

/** Segment flags for SegmentRecord.flags: `placeholder.lost:t1:queen-of-tears`. */
export function placeholderFlags(problems: readonly PlaceholderProblem[]): string[] {
  return problems.map(
    (problem) => `${problem.code}:${problem.placeholderId}${problem.entryId ? `:${problem.entryId}` : ''}`,
  );
}

export interface ProtectedBatchResult {
  /** translations with the canonical target forms in place of the placeholders */
  texts: string[];
  billedCharacters: number;
  /** per text: the placeholder problems (empty when every placeholder came back exactly once) */
  problems: PlaceholderProblem[][];
}

/**
 * Translates a batch with an engine that does not apply the glossary itself: protect, translate,
 * restore. `matchSource` finds the terms in one source text (a TermMatcher's `match`).
 */
export async function translateWithPlaceholders(
  engine: Pick<Engine, 'translateBatch'>,
  request: TranslateBatchRequest,
  matchSource: (text: string) => TermMatch[],
  termbase: Termbase | readonly GlossaryEntry[],
): Promise<ProtectedBatchResult> {
  const protectedTexts = request.texts.map((text) =>
    protectTerms(text, matchSource(text), termbase, request.targetLang),
  );
  const result = await engine.translateBatch({ ...request, texts: protectedTexts.map((p) => p.text) });
  if (result.texts.length !== request.texts.length) {
    throw new EngineError('fatal', `engine returned ${result.texts.length} texts for ${request.texts.length}`);
  }
  const restored = result.texts.map((text, i) => restoreTerms(text, protectedTexts[i]!.placeholders));
  return {
    texts: restored.map((r) => r.text),
    billedCharacters: result.billedCharacters,
    problems: restored.map((r) => r.problems),
  };
}
