/**
 * XLIFF 1.2 (what OmegaT, Trados and memoQ read): one `<file>` per article and target language, one
 * `<trans-unit>` per segment with the segment id, `<source>`/`<target>` holding our inline markup as is.
 *
 * States map to XLIFF's: untranslated → no target; machine → needs-review-translation
 * (leveraged-mt / leveraged-tm); edited → translated; approved → signed-off (approved="yes");
 * rejected → needs-translation (rejected-inaccurate); stale → needs-review-translation with the previous
 * target as an `alt-trans` of type previous-version.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { StorylocError } from '../errors.js';
import { unescapeXml } from '../segments/xml.js';
import type { Lang } from '../languages.js';
import type { ArticleState, SegmentRecord, SegmentStatus } from '../memory/types.js';
import { escapeAttr } from './inline.js';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';

interface XliffState {
  state: string;
  qualifier?: string;
}

/** Our state → XLIFF `state` (+ `state-qualifier`). */
export function xliffStateOf(record: SegmentRecord): XliffState | null {
  switch (record.state) {
    case 'untranslated':
      return null;
    case 'machine':
      return {
        state: 'needs-review-translation',
        qualifier: record.engine === 'memory' ? 'leveraged-tm' : 'leveraged-mt',
      };
    case 'edited':
      return { state: 'translated' };
    case 'approved':
      return { state: 'signed-off' };
    case 'rejected':
      return { state: 'needs-translation', qualifier: 'rejected-inaccurate' };
    case 'stale':
      return { state: 'needs-review-translation' };
  }
}

/**
 * XLIFF state of an imported target → ours. A translator's target with no state or any "translated"
 * state is `edited`; signed-off/final is `approved`; rejected-* qualifiers are `rejected`; needs-* states
 * keep the text as a human edit only when the text changed (the caller decides), so they map to null.
 */
export function statusFromXliff(
  state: string | undefined,
  qualifier: string | undefined,
  approvedAttr: string | undefined,
): SegmentStatus | null {
  if (qualifier?.startsWith('rejected-')) return 'rejected';
  if (state === 'signed-off' || state === 'final' || approvedAttr === 'yes') return 'approved';
  if (state === undefined || state === 'translated') return 'edited';
  return null;
}

function line(attrs: Record<string, string | undefined>): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
}

/** Serialises states (one `<file>` each) as an XLIFF 1.2 document. Deterministic. */
export function exportXliff(states: readonly ArticleState[], tool = { name: 'storyloc', version: '0.1.0' }): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff version="1.2" xmlns="${XLIFF_NAMESPACE}">`];
  for (const state of states) {
    const fileAttributes = line({
      original: state.article,
      'source-language': state.sourceLang,
      'target-language': state.targetLang,
      datatype: 'x-markdown',
      'tool-id': tool.name,
    });
    out.push(
      `  <file${fileAttributes}>`,
      '    <header>',
      `      <tool${line({ 'tool-id': tool.name, 'tool-name': tool.name, 'tool-version': tool.version })}/>`,
      '    </header>',
      '    <body>',
    );
    for (const record of state.segments) {
      const xs = xliffStateOf(record);
      const unitAttributes = line({
        id: record.id,
        resname: record.kind,
        approved: record.state === 'approved' ? 'yes' : undefined,
        'xml:space': 'preserve',
      });
      out.push(`      <trans-unit${unitAttributes}>`, `        <source>${record.source}</source>`);
      if (xs && record.target !== null) {
        out.push(
          `        <target${line({ state: xs.state, 'state-qualifier': xs.qualifier })}>${record.target}</target>`,
        );
      }
      const previous = record.state === 'stale' ? record.previousTarget : undefined;
      if (previous !== undefined) {
        out.push(
          '        <alt-trans alttranstype="previous-version">',
          `          <target>${previous}</target>`,
          '        </alt-trans>',
        );
      }
      // who made the current state and when: the same identity as in the state file (src/identity.ts)
      const by = record.changedBy === null ? '' : `; by=${record.changedBy}; at=${record.changedAt ?? ''}`;
      out.push(
        `        <note from="storyloc">${escapeAttr(`state=${record.state}; line=${record.line}${by}`)}</note>`,
        '      </trans-unit>',
      );
    }
    out.push('    </body>', '  </file>');
  }
  out.push('</xliff>', '');
  return out.join('\n');
}

export interface XliffUnit {
  id: string;
  /** raw inner XML of `<source>` / `<target>` (null: no target) */
  source: string;
  target: string | null;
  state: string | undefined;
  stateQualifier: string | undefined;
  approved: string | undefined;
  /** 1-based line of the `<trans-unit>` in the file */
  line: number;
}

export interface XliffFile {
  original: string;
  sourceLang: string;
  targetLang: string | undefined;
  line: number;
  units: XliffUnit[];
}

type Node = Record<string, unknown>;

const asArray = (value: unknown): Node[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node];
const attr = (node: Node, name: string): string | undefined =>
  typeof node[name] === 'string' ? unescapeXml(node[name] as string) : undefined;
const inner = (value: unknown): string | null => {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  const text = (value as Node)['#text'];
  return typeof text === 'string' ? text : '';
};

/**
 * Throws StorylocError `interchange.doctype` for any document type declaration, even TMX 1.4's bare
 * `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`: a DTD can define entities (`&lol9;` billion laughs, external XXE),
 * XLIFF and TMX never need one, and one rule with no exception is the one a reader can trust. Before any
 * parsing.
 */
export function refuseDoctype(text: string, file: string): void {
  const at = text.search(/<!DOCTYPE/i);
  if (at === -1) return;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const position = { file, line, column: at - lineStart + 1 };
  throw new StorylocError('interchange.doctype', 'memory:interchange.doctype', { file }, { position });
}

/** Throws StorylocError `interchange.invalidXml` with the line when the text is not well-formed XML. */
export function assertWellFormed(text: string, file: string): void {
  refuseDoctype(text, file);
  const result = XMLValidator.validate(text);
  if (result !== true) {
    throw new StorylocError(
      'interchange.invalidXml',
      'memory:interchange.invalidXml',
      { file, detail: result.err.msg },
      {
        position: { file, line: result.err.line, column: result.err.col },
      },
    );
  }
}

export function createInterchangeParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    stopNodes: ['*.source', '*.target', '*.seg', '*.note', '*.prop'],
    isArray: (name) => ['file', 'trans-unit', 'group', 'tu', 'tuv', 'alt-trans'].includes(name),
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
  });
}

/** Lines of `<file>` and `<trans-unit>` tags in document order (the parser does not keep lines). */
function tagLines(text: string): { files: number[]; units: Array<{ file: number; id: string; line: number }> } {
  const files: number[] = [];
  const units: Array<{ file: number; id: string; line: number }> = [];
  let lineNo = 1;
  let last = 0;
  for (const match of text.matchAll(/<(file|trans-unit)\b([^>]*)>/g)) {
    for (let i = last; i < match.index; i++) if (text.charCodeAt(i) === 10) lineNo++;
    last = match.index;
    if (match[1] === 'file') files.push(lineNo);
    else
      units.push({
        file: files.length - 1,
        id: unescapeXml(/\bid\s*=\s*"([^"]*)"/.exec(match[2] ?? '')?.[1] ?? ''),
        line: lineNo,
      });
  }
  return { files, units };
}

/** True when the document's root element is `<xliff>`. */
export function looksLikeXliff(text: string): boolean {
  return /<xliff\b/.test(text.slice(0, 2000));
}

/** Parses an XLIFF 1.2 document (trans-units inside `<group>`s included). */
export function parseXliff(text: string, file: string): XliffFile[] {
  assertWellFormed(text, file);
  const doc = createInterchangeParser().parse(text) as Node;
  const root = doc.xliff as Node | undefined;
  if (!root || typeof root !== 'object') {
    throw new StorylocError('interchange.notXliff', 'memory:interchange.notXliff', { file }, { position: { file } });
  }
  const lines = tagLines(text);
  const unitLine = new Map(lines.units.map((u) => [`${u.file}\u0000${u.id}`, u.line]));
  return asArray(root.file).map((fileNode, fileIndex) => {
    const units: XliffUnit[] = [];
    const collect = (container: Node | undefined): void => {
      if (!container || typeof container !== 'object') return;
      for (const unit of asArray(container['trans-unit'])) {
        const id = attr(unit, 'id');
        const position = { file, line: lines.units.find((u) => u.file === fileIndex)?.line ?? 1 };
        if (id === undefined) {
          throw new StorylocError(
            'interchange.missingAttribute',
            'memory:interchange.missingAttribute',
            { element: 'trans-unit', attribute: 'id' },
            { position },
          );
        }
        const target = unit.target === undefined ? undefined : (asArray(unit.target)[0] ?? (unit.target as Node));
        units.push({
          id,
          source: inner(unit.source) ?? '',
          target: target === undefined ? null : inner(target),
          state: target !== undefined && typeof target === 'object' ? attr(target, 'state') : undefined,
          stateQualifier:
            target !== undefined && typeof target === 'object' ? attr(target, 'state-qualifier') : undefined,
          approved: attr(unit, 'approved'),
          line: unitLine.get(`${fileIndex}\u0000${id}`) ?? lines.files[fileIndex] ?? 1,
        });
      }
      for (const group of asArray(container.group)) collect(group);
    };
    collect(fileNode.body as Node | undefined);
    const original = attr(fileNode, 'original');
    const sourceLang = attr(fileNode, 'source-language');
    if (original === undefined || sourceLang === undefined) {
      throw new StorylocError(
        'interchange.missingAttribute',
        'memory:interchange.missingAttribute',
        {
          element: 'file',
          attribute: original === undefined ? 'original' : 'source-language',
        },
        { position: { file, line: lines.files[fileIndex] ?? 1 } },
      );
    }
    return {
      original,
      sourceLang,
      targetLang: attr(fileNode, 'target-language'),
      line: lines.files[fileIndex] ?? 1,
      units,
    };
  });
}

/** Language code of an XLIFF/TMX attribute (`it-IT` → `it`). */
export function baseLanguage(code: string | undefined): Lang | string | undefined {
  return code?.toLowerCase().split(/[-_]/)[0];
}
