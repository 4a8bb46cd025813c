/**
 * Builds a real workspace on disk from labelled fixture cases (test/fixtures/check/cases/*.yaml): the
 * source article, the Italian target of each segment with its state, then the output file and the state
 * file written the way the pipeline writes them (real parser, real reassembly, real state store).
 *
 * A case file:
 *   article: en/numbers.md          # where the source goes under articles/
 *   source: |                       # the source article
 *     …
 *   segments:                       # every segment of the source, by its text (segment XML)
 *     - source: 'Ratings rose to 24.85%.'
 *       target: 'Gli ascolti sono saliti al 24,85%.'   # null: untranslated
 *       state: approved             # default approved
 *       engine: human               # default human
 *       flags: [placeholderLost]    # optional
 *   outputEdits:                    # optional: hand edits made to the output file after it was written
 *     - { find: '…', replace: '…' }
 *   translated: false               # optional: the article was never translated (no output, no state)
 *   expected:                       # the violations a perfect check reports: rule and line in the output
 *     - { rule: numbers, line: 7 }  #   file (`in: source`: in the source article)
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseArticle } from '../../src/articles/read.js';
import { reassembleArticle } from '../../src/reassembly/reassemble.js';
import { outputPathFor, serializeArticleState, statePathFor } from '../../src/memory/state-store.js';
import { fileHash } from '../../src/memory/records.js';
import { defaultConfig } from '../../src/config/load.js';
import type { ArticleState, SegmentRecord, SegmentStatus } from '../../src/memory/types.js';
import type { Lang } from '../../src/languages.js';

export interface FixtureSegment {
  source: string;
  target: string | null;
  state?: SegmentStatus;
  engine?: SegmentRecord['engine'];
  flags?: string[];
}

export interface FixtureCase {
  name: string;
  article: string;
  source: string;
  segments: FixtureSegment[];
  outputEdits?: Array<{ find: string; replace: string }>;
  /** false: only the source is written (never translated) */
  translated?: boolean;
  /** `in: source` for a problem placed in the source article (an article never translated) */
  expected: Array<{ rule: string; line: number; in?: 'source' | 'output' }>;
}

/** test/fixtures/check, found from here whether this runs from test/support (jest) or dist/test/support (bench) */
function findFixturesDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'check');
    if (existsSync(path.join(candidate, 'cases'))) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error(`test/fixtures/check not found above ${fileURLToPath(import.meta.url)}`);
  }
}

export const fixturesDir = findFixturesDir();

export function loadCases(dir = path.join(fixturesDir, 'cases')): FixtureCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({
      name: name.replace(/\.yaml$/, ''),
      ...(parse(readFileSync(path.join(dir, name), 'utf8')) as Omit<FixtureCase, 'name'>),
    }));
}

const CONFIG = 'sourceLanguages: [en, ko]\ntargetLanguages: [it]\n';

/** Writes config, glossary, sources, outputs and states of the cases into `root`. */
export function writeFixtureWorkspace(root: string, cases: readonly FixtureCase[], targetLang: Lang = 'it'): void {
  mkdirSync(path.join(root, 'glossary'), { recursive: true });
  writeFileSync(path.join(root, 'storyloc.config.yaml'), CONFIG);
  copyFileSync(path.join(fixturesDir, 'glossary.yaml'), path.join(root, 'glossary', 'glossary.yaml'));
  const config = defaultConfig(root);
  for (const fixture of cases) {
    const articlePath = path.join(config.paths.articles, ...fixture.article.split('/'));
    mkdirSync(path.dirname(articlePath), { recursive: true });
    writeFileSync(articlePath, fixture.source);
    if (fixture.translated === false) continue;
    const lang = fixture.article.split('/')[0] as Lang;
    const article = parseArticle({
      path: articlePath,
      relativePath: fixture.article,
      lang,
      text: fixture.source,
      frontMatterKeys: config.frontMatterKeys,
    });
    const bySource = new Map(fixture.segments.map((segment) => [segment.source, segment]));
    const used = new Set<string>();
    const records: SegmentRecord[] = article.segments.map((segment) => {
      const given = bySource.get(segment.text);
      if (!given) throw new Error(`${fixture.name}: no target for segment ${JSON.stringify(segment.text)}`);
      used.add(segment.text);
      const record: SegmentRecord = {
        id: segment.id,
        kind: segment.kind,
        line: segment.line,
        source: segment.text,
        sourceHash: segment.sourceHash,
        target: given.target,
        state: given.target === null ? 'untranslated' : (given.state ?? 'approved'),
        engine: given.target === null ? null : (given.engine ?? 'human'),
        glossary: {},
        changedBy: null,
        changedAt: null,
      };
      if (given.flags) record.flags = given.flags;
      return record;
    });
    for (const segment of fixture.segments) {
      if (!used.has(segment.source))
        throw new Error(`${fixture.name}: fixture segment not in the source: ${JSON.stringify(segment.source)}`);
    }
    const targets = new Map<string, string>();
    for (const record of records) if (record.target !== null) targets.set(record.id, record.target);
    let output = reassembleArticle(article, targets, targetLang);
    for (const edit of fixture.outputEdits ?? []) {
      if (!output.includes(edit.find)) throw new Error(`${fixture.name}: output edit not found: ${edit.find}`);
      output = output.replace(edit.find, edit.replace);
    }
    const outputPath = outputPathFor(config, fixture.article, targetLang);
    mkdirSync(path.dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, output);
    const state: ArticleState = {
      version: 1,
      article: fixture.article,
      sourceLang: lang,
      targetLang,
      sourceFileHash: fileHash(fixture.source),
      segments: records,
    };
    writeFileSync(statePathFor(config, fixture.article, targetLang), serializeArticleState(state));
  }
}

/** The target-only labelled set: files checked with --target-only --lang it and their expected violations. */
export interface TargetOnlyLabels {
  files: Array<{ file: string; expected: Array<{ rule: string; line: number }> }>;
}

export function loadTargetOnlyLabels(dir = path.join(fixturesDir, 'target-only')): TargetOnlyLabels {
  return parse(readFileSync(path.join(dir, 'labels.yaml'), 'utf8')) as TargetOnlyLabels;
}

export interface FixtureScore {
  /** labelled cases: workspace cases plus target-only files */
  cases: number;
  expected: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
}

/**
 * Precision and recall of `found` against `expected` (`file rule line` keys, repeats counted): a found key
 * is a true positive while an expected one like it is left.
 */
export function score(expected: readonly string[], found: readonly string[], cases: number): FixtureScore {
  const remaining = [...expected];
  let truePositives = 0;
  for (const key of found) {
    const index = remaining.indexOf(key);
    if (index >= 0) {
      remaining.splice(index, 1);
      truePositives++;
    }
  }
  return {
    cases,
    expected: expected.length,
    found: found.length,
    truePositives,
    precision: found.length === 0 ? 1 : truePositives / found.length,
    recall: expected.length === 0 ? 1 : truePositives / expected.length,
  };
}
