/**
 * The project-wide translation memory: every target in every state file of the workspace, keyed by
 * language pair and normalised source. An exact hit is reused with no engine call, in any article.
 * Ranking: approved > edited > machine (a stale record that was re-translated counts as machine);
 * rejected, untranslated and flagged records are never offered. Translations a record left behind (its
 * `history`, approved or edited) are offered for their old source, with the rank of their state.
 */
import { pairKey, type LanguagePair } from '../languages.js';
import type { GlossaryUsage } from '../glossary/types.js';
import type { ArticleState, SegmentRecord, SegmentStatus } from './types.js';
import { normaliseSource, sameGlossaryUsage } from './records.js';
import { hasTestTarget, TEST_ENGINES } from './segment-life.js';

export interface MemoryHit {
  target: string;
  /** the state of the record the hit came from (`approved` for units imported from TMX) */
  state: SegmentStatus;
  /** entries the target was made with; null for imported units, which carry no glossary versions */
  glossary: GlossaryUsage | null;
  /** where it came from: `<article>#<segment id>` */
  origin: string;
}

const rank: Partial<Record<SegmentStatus, number>> = { approved: 3, edited: 2, machine: 1, stale: 1 };

function memoryKey(pair: LanguagePair, source: string): string {
  return `${pairKey(pair)}\u0000${normaliseSource(source)}`;
}

export class TranslationMemory {
  /** per key, candidates best first (rank, then first seen) */
  private readonly entries = new Map<string, MemoryHit[]>();

  /**
   * @param offersTestTargets whether targets of test engines (pseudo) are offered: only to a run of a
   * test engine itself (a pseudo rerun reuses its own output), never to a real engine.
   */
  constructor(private readonly offersTestTargets = true) {}

  /** Number of distinct (pair, source) keys held. */
  get size(): number {
    return this.entries.size;
  }

  /** Adds every usable record of a state. */
  addState(state: ArticleState): void {
    const pair = { source: state.sourceLang, target: state.targetLang };
    for (const record of state.segments) this.addRecord(pair, record, state.article);
  }

  /**
   * Adds one record when it holds a usable target, and the translation last approved in it when its
   * source has changed since (the memory keeps approved work: an undo or the old sentence elsewhere
   * is answered from it).
   */
  addRecord(pair: LanguagePair, record: SegmentRecord, article: string): void {
    if (
      record.approvedSource !== undefined &&
      record.approvedTarget !== undefined &&
      record.approvedSource !== record.source
    ) {
      const origin = `${article}#${record.id}`;
      this.insert(
        memoryKey(pair, record.approvedSource),
        { target: record.approvedTarget, state: 'approved', glossary: null, origin },
        rank.approved!,
      );
    }
    for (const entry of record.history ?? []) {
      // translations the record left behind; pseudo output never gets there, checked again for old files
      if (!this.offersTestTargets && entry.engine !== null && TEST_ENGINES.has(entry.engine)) continue;
      const origin = `${article}#${record.id}`;
      const hit: MemoryHit = { target: entry.target, state: entry.state, glossary: null, origin };
      this.insert(memoryKey(pair, entry.source), hit, rank[entry.state]!);
    }
    const recordRank = rank[record.state];
    if (recordRank === undefined || record.target === null || (record.flags?.length ?? 0) > 0) return;
    if (!this.offersTestTargets && hasTestTarget(record)) return;
    const key = memoryKey(pair, record.source);
    const hit: MemoryHit = {
      target: record.target,
      state: record.state,
      glossary: record.glossary,
      origin: `${article}#${record.id}`,
    };
    this.insert(key, hit, recordRank);
  }

  /** Adds units imported from a TMX file: approved translations from elsewhere. */
  addImported(pair: LanguagePair, units: ReadonlyArray<{ source: string; target: string; origin: string }>): void {
    for (const unit of units) {
      this.insert(
        memoryKey(pair, unit.source),
        { target: unit.target, state: 'approved', glossary: null, origin: unit.origin },
        rank.approved!,
      );
    }
  }

  private insert(key: string, hit: MemoryHit, hitRank: number): void {
    const list = this.entries.get(key);
    if (!list) {
      this.entries.set(key, [hit]);
      return;
    }
    const same = (h: MemoryHit): boolean =>
      h.target === hit.target &&
      h.state === hit.state &&
      (h.glossary === null
        ? hit.glossary === null
        : hit.glossary !== null && sameGlossaryUsage(h.glossary, hit.glossary));
    if (list.some(same)) return;
    const at = list.findIndex((h) => (rank[h.state] ?? 0) < hitRank);
    if (at < 0) list.push(hit);
    else list.splice(at, 0, hit);
  }

  /**
   * The best target for `source` translated with exactly `glossary` (a hit made with an older version of
   * a glossary entry is out of date), or null.
   */
  lookup(pair: LanguagePair, source: string, glossary: GlossaryUsage): MemoryHit | null {
    // an empty memory (a first run) knows nothing: the key is not even built
    if (this.entries.size === 0) return null;
    const list = this.entries.get(memoryKey(pair, source));
    if (!list) return null;
    return list.find((hit) => hit.glossary === null || sameGlossaryUsage(hit.glossary, glossary)) ?? null;
  }
}
