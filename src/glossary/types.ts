/**
 * Termbase contract. `glossary/*.yaml` files merge into one Termbase. Owned by the glossary module;
 * other stages (pipeline, check, review, memory) use only what is declared here.
 */
import type { Lang } from '../languages.js';
import type { MessageKey } from '../i18n/catalogs.js';
import type { ErrorCode } from '../error-codes.js';

export type TermType = 'person' | 'title' | 'organization' | 'place' | 'term';

export interface GlossaryEntry {
  id: string;
  type: TermType;
  /** canonical form per language */
  forms: Partial<Record<Lang, string>>;
  /** accepted variants per language (source: spellings/romanisations; target: accepted alternatives) */
  variants: Partial<Record<Lang, string[]>>;
  /** forms that must never appear in a target of that language */
  forbidden: Partial<Record<Lang, string[]>>;
  /** same form in every language (tvN, chaebol) */
  doNotTranslate: boolean;
  /** true: match only with the exact case; false: case-insensitive */
  caseSensitive: boolean;
  /**
   * Per-language override of `caseSensitive` (YAML: `caseSensitive: { en: false, it: true }`): a title
   * may be found in any case in English sources while its Italian form must keep its exact capitals.
   */
  caseSensitiveIn?: Partial<Record<Lang, boolean>>;
  note?: string;
  /** where the entry is defined */
  file: string;
  line: number;
  /** 1-based column of the entry in its file */
  column?: number;
  /** sha256 (16 hex) of the entry's content, for versioning translated segments */
  hash: string;
}

/** The merged termbase: entries in file order, then entry order. */
export interface Termbase {
  entries: GlossaryEntry[];
  /** id → entry (the first one when an id is duplicated; lint reports the duplicate) */
  byId: Map<string, GlossaryEntry>;
  /** absolute paths of the files read, in order */
  files: string[];
}

/** One occurrence of a term in a text. Offsets are UTF-16 indices into the searched string. */
export interface TermMatch {
  entryId: string;
  lang: Lang;
  start: number;
  end: number;
  /** the text as it appears (may carry a Korean particle outside [start,end)) */
  surface: string;
  /** which form matched: canonical, variant, or forbidden */
  matchedAs: 'canonical' | 'variant' | 'forbidden';
  /** the glossary form that matched, as written in the termbase (or derived, see `derived`) */
  form?: string;
  /**
   * How a target-side form was derived from a glossary form: `articulated` = an Italian articulated
   * preposition replaced the article ("della regina delle lacrime" from "La regina delle lacrime").
   */
  derived?: 'articulated';
  /** the Korean particles/suffixes attached after the term (`은`, `씨는`), empty when none */
  suffix?: string;
}

/** The entries a segment was translated with: id → entry hash. */
export type GlossaryUsage = Record<string, string>;

export type GlossaryProblemSeverity = 'error' | 'warning';

/** A problem in the termbase (YAML, schema or lint), as a value. */
export interface GlossaryProblem {
  /** stable code, e.g. `glossary.duplicateId` */
  code: ErrorCode;
  severity: GlossaryProblemSeverity;
  file: string;
  /** 1-based */
  line: number;
  column: number;
  /** i18next key (namespace:key) */
  messageKey: MessageKey;
  params: Record<string, unknown>;
}

/** A point in a glossary file (1-based), for lint messages. */
export interface SourcePoint {
  line: number;
  column: number;
}

/**
 * Positions of the parts of an entry ("forms.en", "variants.it.0", "forbidden.it.1"), for lint
 * messages that point at the exact form. Absent for entries built in code.
 */
export type EntryPositions = Map<GlossaryEntry, Record<string, SourcePoint>>;

/** One file's parse: its entries, its YAML/schema problems, and the positions of the entries' forms. */
export interface ParsedGlossaryFile {
  entries: GlossaryEntry[];
  problems: GlossaryProblem[];
  positions: EntryPositions;
}
