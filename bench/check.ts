/**
 * Check benchmark (issue 7), on one core (this process):
 * - check_s: `storyloc check` over a workspace of 2,000 translated articles (the generated corpus, with
 *   an output file and a segment state each, read from disk) against a 10,000-term glossary; the
 *   glossary's matchers are built inside the timed run, once per language (pair);
 * - check_scaling: time for the 2× workspace (4,000 articles) / time for the 1× one: ≤ ~2.2 when linear;
 * - check_violations: what the check reported on the generated translations (they are made clean, so
 *   anything but 0 is a false positive to look at);
 * - check_precision, check_recall: the check's score on its labelled fixtures (test/fixtures/check: seeded
 *   errors and traps, test/support/check-score.ts), both 1 when it reports exactly what a reviewer would.
 *
 * The translations are made by a deterministic "translator": glossary terms replaced by their Italian
 * forms, numbers and dates written the Italian way, vowels of the remaining text accented (so no segment
 * is its own source), tags kept. Writing the workspaces is not timed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { discardAfterBench } from './discard.js';
import os from 'node:os';
import path from 'node:path';
import { parseArticle } from '../src/articles/read.js';
import { defaultConfig } from '../src/config/load.js';
import { formOf } from '../src/glossary/entry.js';
import { createTermMatcher, type TermMatcher } from '../src/glossary/matcher.js';
import type { Termbase } from '../src/glossary/types.js';
import type { Lang } from '../src/languages.js';
import { outputPathFor, serializeArticleState, statePathFor } from '../src/memory/state-store.js';
import type { SegmentRecord } from '../src/memory/types.js';
import { fileHash } from '../src/memory/records.js';
import { reassembleArticle } from '../src/reassembly/reassemble.js';
import { createGlossaryIndex } from '../src/check/glossary-index.js';
import { extractNumbers, formatValue } from '../src/check/numbers.js';
import { textView, xmlSpanOf } from '../src/check/text-view.js';
import { checkWorkspace } from '../src/check/workspace.js';
import { generateCorpus } from './corpus.js';
import { runLabelledFixtures } from '../test/support/check-score.js';
import { generateTermbase } from './glossary.js';
import { bestRun, secondsSince } from './timing.js';
import { italianMonths } from '../src/check/numbers.js';

const TERMS = 10_000;
const ARTICLES = 2_000;
const ACCENTED: Record<string, string> = { a: 'à', e: 'è', i: 'ì', o: 'ò', u: 'ù' };
const MARKUP = /<[^>]*>|&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

interface Replacement {
  start: number;
  end: number;
  text: string;
}

function accent(xml: string): string {
  let out = '';
  let last = 0;
  for (const match of xml.matchAll(MARKUP)) {
    out += xml.slice(last, match.index).replace(/[aeiou]/g, (vowel) => ACCENTED[vowel]!);
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + xml.slice(last).replace(/[aeiou]/g, (vowel) => ACCENTED[vowel]!);
}

/** A clean "Italian" target for a segment: terms, numbers and dates right, the rest disguised. */
export function benchTranslate(xml: string, lang: Lang, matcher: TermMatcher, termbase: Termbase): string {
  const replacements: Replacement[] = [];
  for (const match of matcher.match(xml)) {
    const entry = termbase.byId.get(match.entryId);
    const italian = entry ? formOf(entry, 'it') : undefined;
    if (italian !== undefined) replacements.push({ start: match.start, end: match.end, text: italian });
  }
  const view = textView(xml);
  for (const token of extractNumbers(view.text, lang)) {
    const span = xmlSpanOf(view, token.start, token.end);
    if (replacements.some((r) => r.start < span.end && span.start < r.end)) continue;
    const value = token.values[0]!;
    let text: string;
    if (token.kind === 'date') text = formatValue(value, 'it');
    else if (token.words) text = formatValue(value, 'it');
    else if (token.kind === 'month') text = italianMonths[Number(value.slice('month:'.length)) - 1]!;
    else text = token.raw.replace(/[.,]/g, (separator) => (separator === '.' ? ',' : '.'));
    replacements.push({ start: span.start, end: span.end, text });
  }
  replacements.sort((a, b) => a.start - b.start);
  // Korean particles and endings stay glued to what precedes them; Italian words take a space
  const after = lang === 'ko' ? ' ' : '';
  let out = '';
  let cursor = 0;
  for (const replacement of replacements) {
    out += accent(xml.slice(cursor, replacement.start)) + replacement.text + after;
    cursor = replacement.end;
  }
  out += accent(xml.slice(cursor));
  // a Korean sentence with neither terms nor numbers would come out as its own source
  return out === xml ? `${out} (it)` : out;
}

/** Writes a workspace of `count` translated articles; returns its folder. */
export function writeBenchWorkspace(count: number, termbase: Termbase): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'storyloc-bench-check-'));
  writeFileSync(path.join(root, 'storyloc.config.yaml'), 'sourceLanguages: [en, ko]\ntargetLanguages: [it]\n');
  const config = defaultConfig(root);
  const matchers = { en: createTermMatcher(termbase, 'en'), ko: createTermMatcher(termbase, 'ko') };
  for (const item of generateCorpus(count)) {
    const file = path.join(config.paths.articles, ...item.relativePath.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, item.text);
    const article = parseArticle({
      path: file,
      relativePath: item.relativePath,
      lang: item.lang,
      text: item.text,
      frontMatterKeys: config.frontMatterKeys,
      maxBlockChars: 0,
    });
    const targets = new Map<string, string>();
    const records: SegmentRecord[] = article.segments.map((segment) => {
      const target = benchTranslate(segment.text, item.lang, matchers[item.lang], termbase);
      targets.set(segment.id, target);
      return {
        id: segment.id,
        kind: segment.kind,
        line: segment.line,
        source: segment.text,
        sourceHash: segment.sourceHash,
        target,
        state: 'approved',
        engine: 'human',
        glossary: {},
        changedBy: null,
        changedAt: null,
      };
    });
    const outputPath = outputPathFor(config, item.relativePath, 'it');
    mkdirSync(path.dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, reassembleArticle(article, targets, 'it'));
    writeFileSync(
      statePathFor(config, item.relativePath, 'it'),
      serializeArticleState({
        version: 1,
        article: item.relativePath,
        sourceLang: item.lang,
        targetLang: 'it',
        sourceFileHash: fileHash(item.text),
        segments: records,
      }),
    );
  }
  return root;
}

/** precision and recall on the labelled fixtures, to 3 decimals */
function checkScore(): { check_precision: number; check_recall: number } {
  const { precision, recall } = runLabelledFixtures().score;
  return { check_precision: Number(precision.toFixed(3)), check_recall: Number(recall.toFixed(3)) };
}

/** One full check of a workspace (glossary matchers built inside, as a CLI run does). */
function timeCheck(root: string, termbase: Termbase): { seconds: number; violations: number } {
  const config = defaultConfig(root);
  config.configFile = path.join(root, 'storyloc.config.yaml');
  const start = performance.now();
  const report = checkWorkspace({ config, cwd: root, glossary: createGlossaryIndex(termbase) });
  return { seconds: secondsSince(start), violations: report.violations.length };
}

export async function benchCheck(): Promise<{
  check_s: number;
  check_scaling: number;
  check_violations: number;
  check_precision: number;
  check_recall: number;
}> {
  const termbase = generateTermbase(TERMS);
  const single = writeBenchWorkspace(ARTICLES, termbase);
  const double = writeBenchWorkspace(ARTICLES * 2, termbase);
  try {
    timeCheck(single, termbase); // warm-up: JIT, file cache
    const one = bestRun(2, () => timeCheck(single, termbase));
    const two = bestRun(2, () => timeCheck(double, termbase));
    return {
      check_s: Number(one.seconds.toFixed(3)),
      check_scaling: Number((two.seconds / one.seconds).toFixed(3)),
      check_violations: one.violations,
      ...checkScore(),
    };
  } finally {
    discardAfterBench(single);
    discardAfterBench(double);
  }
}
