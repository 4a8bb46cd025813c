/**
 * TMX 1.4 of approved units: one `<tu>` per distinct approved (source, target) pair, the segment's inline
 * tags carried as `<bpt>`/`<ept>`/`<ph>` (TMX has no `<g>`/`<x>`). Import reads them back for the memory.
 */
import path from 'node:path';
import { StorylocError } from '../errors.js';
import type { LanguagePair } from '../languages.js';
import type { ArticleState } from '../memory/types.js';
import { normaliseSource } from '../memory/records.js';
import { unescapeXml } from '../segments/xml.js';
import { escapeAttr, segmentXmlToTmx, tmxToSegmentXml } from './inline.js';
import { assertWellFormed, baseLanguage, createInterchangeParser } from './xliff.js';

export interface TmxUnit {
  /** segment XML */
  source: string;
  target: string;
  /** `<article>#<segment id>` of the first record holding it */
  origin: string;
  /** who approved it and when (ISO 8601): the target `<tuv>`'s `changeid` and `changedate` */
  changedBy?: string;
  changedAt?: string;
}

/** TMX dates are `YYYYMMDDThhmmssZ` (UTC). */
function tmxDate(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? null
    : date
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
}

/** `changeid`/`changedate` attributes of a unit's target, when known. */
function changeAttributes(unit: TmxUnit): string {
  const date = unit.changedAt === undefined ? null : tmxDate(unit.changedAt);
  return (unit.changedBy ? ` changeid="${escapeAttr(unit.changedBy)}"` : '') + (date ? ` changedate="${date}"` : '');
}

/** Distinct approved units of the states, in order of first appearance. */
export function approvedUnits(states: readonly ArticleState[]): TmxUnit[] {
  const seen = new Set<string>();
  const units: TmxUnit[] = [];
  for (const state of states) {
    for (const record of state.segments) {
      if (record.state !== 'approved' || record.target === null) continue;
      const key = `${normaliseSource(record.source)}\u0000${record.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const unit: TmxUnit = { source: record.source, target: record.target, origin: `${state.article}#${record.id}` };
      if (record.changedBy !== null) unit.changedBy = record.changedBy;
      if (record.changedAt !== null) unit.changedAt = record.changedAt;
      units.push(unit);
    }
  }
  return units;
}

/**
 * A TMX 1.4 document (valid against tmx14.dtd) for one language pair. Deterministic. No DOCTYPE: TMX does
 * not need one, tools read TMX without it, and storyloc's own import refuses every DOCTYPE (issue 16).
 */
export function exportTmx(
  pair: LanguagePair,
  units: readonly TmxUnit[],
  tool = { name: 'storyloc', version: '0.1.0' },
): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="${escapeAttr(tool.name)}" creationtoolversion="${escapeAttr(tool.version)}"` +
      ` segtype="sentence" o-tmf="storyloc" adminlang="en" srclang="${pair.source}" datatype="xml"/>`,
    '  <body>',
  ];
  units.forEach((unit, index) => {
    out.push(
      `    <tu tuid="${index + 1}">`,
      `      <prop type="x-origin">${escapeAttr(unit.origin)}</prop>`,
      `      <tuv xml:lang="${pair.source}"><seg>${segmentXmlToTmx(unit.source)}</seg></tuv>`,
      `      <tuv xml:lang="${pair.target}"${changeAttributes(unit)}><seg>${segmentXmlToTmx(unit.target)}</seg></tuv>`,
      '    </tu>',
    );
  });
  out.push('  </body>', '</tmx>', '');
  return out.join('\n');
}

export interface ParsedTmx {
  sourceLang: string;
  /** the languages of the second `<tuv>`s (a file may hold several targets) */
  targetLangs: string[];
  units: Array<TmxUnit & { targetLang: string; line: number }>;
  /** units skipped: no source or no target in a known form, or markup we cannot map */
  skipped: number;
}

type Node = Record<string, unknown>;
const asArray = (value: unknown): Node[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node];

export function looksLikeTmx(text: string): boolean {
  return /<tmx\b/.test(text.slice(0, 2000));
}

/** Parses a TMX 1.4 document: `srclang` from the header, one unit per (tu, non-source tuv). */
export function parseTmx(text: string, file: string): ParsedTmx {
  assertWellFormed(text, file);
  const doc = createInterchangeParser().parse(text) as Node;
  const root = doc.tmx as Node | undefined;
  const header = root?.header as Node | undefined;
  const srclang = typeof header?.srclang === 'string' ? unescapeXml(header.srclang) : undefined;
  if (!root || srclang === undefined) {
    throw new StorylocError(
      'interchange.missingAttribute',
      'memory:interchange.missingAttribute',
      { element: 'header', attribute: 'srclang' },
      { position: { file } },
    );
  }
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  for (const match of text.matchAll(/<tu\b/g)) {
    for (let i = last; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = match.index;
    lines.push(line);
  }
  const sourceLang = baseLanguage(srclang) ?? srclang;
  const targetLangs = new Set<string>();
  const units: ParsedTmx['units'] = [];
  let skipped = 0;
  asArray((root.body as Node | undefined)?.tu).forEach((tu, index) => {
    const tuvs = asArray(tu.tuv).map((tuv) => ({
      lang:
        baseLanguage(
          typeof tuv['xml:lang'] === 'string'
            ? (tuv['xml:lang'] as string)
            : typeof tuv.lang === 'string'
              ? (tuv.lang as string)
              : '',
        ) ?? '',
      seg:
        typeof tuv.seg === 'string'
          ? tuv.seg
          : typeof (tuv.seg as Node | undefined)?.['#text'] === 'string'
            ? ((tuv.seg as Node)['#text'] as string)
            : '',
    }));
    const source = tuvs.find((tuv) => tuv.lang === sourceLang);
    const sourceXml = source ? tmxToSegmentXml(source.seg) : null;
    const targets = tuvs.filter((tuv) => tuv.lang !== sourceLang);
    if (!source || sourceXml === null || targets.length === 0) {
      skipped++;
      return;
    }
    for (const target of targets) {
      targetLangs.add(target.lang);
      const targetXml = tmxToSegmentXml(target.seg);
      if (targetXml === null || targetXml.trim() === '') {
        skipped++;
        continue;
      }
      const tuid = typeof tu.tuid === 'string' ? unescapeXml(tu.tuid) : String(index + 1);
      units.push({
        source: sourceXml,
        target: targetXml,
        targetLang: target.lang,
        origin: `${path.basename(file)}#${tuid}`,
        line: lines[index] ?? 1,
      });
    }
  });
  return { sourceLang, targetLangs: [...targetLangs].sort(), units, skipped };
}
