/**
 * The memory stage: records that want a translation take one from the project-wide memory (every state
 * of the workspace and the imported TMX units) when it knows their source; the others are left for the
 * engine. The memory is built only when some record wants a translation (a rerun with nothing to do
 * skips it).
 */
import type { ResolvedConfig } from '../config/types.js';
import { pairKey, type Lang } from '../languages.js';
import { needsTranslation } from '../memory/records.js';
import { canRestoreApproval, hasTestTarget, reusedFromMemory, sourceRestored } from '../memory/segment-life.js';
import { TranslationMemory } from '../memory/translation-memory.js';
import { readArticleState } from '../memory/state-store.js';
import type { SegmentRecord } from '../memory/types.js';
import { listStateFiles, readImportedMemory } from '../memory/workspace.js';
import { sameTags } from '../segments/xml.js';
import type { ArticleWork } from './types.js';

export interface MemoryStageInput {
  config: ResolvedConfig;
  /** one group of articles of the run */
  works: readonly ArticleWork[];
  /** ISO 8601, recorded on the records the memory serves */
  now: string;
  /** the run's engine is a real one: targets of test engines (pseudo) are translated again */
  replacesTestTargets: boolean;
}

export interface MemoryStageOutput {
  /** segments in scope */
  segments: number;
  /** segments with a known translation (kept or from the memory) */
  reused: number;
  /** of `reused`: served by the memory in this run */
  fromMemory: number;
  /** records still wanting a translation, per article, in order */
  unserved: Array<{ work: ArticleWork; record: SegmentRecord }>;
}

/** True when the record should get a translation from the memory or the engine in this run. */
export function wantsTranslation(record: SegmentRecord, replacesTestTargets: boolean): boolean {
  // Rejected segments are translated again (the review module keeps the rejected text for reading).
  return needsTranslation(record) || record.state === 'rejected' || (replacesTestTargets && hasTestTarget(record));
}

/**
 * The project-wide memory of a streamed run. It is built the first time a record wants a translation,
 * from every state file on disk (those of articles this run has not reached yet stand in for them, those
 * it has written already carry this run's changes) and the imported units; each group's records (as
 * segmented in this run: human edits found, sources merged) are added before the group is looked up.
 * What it costs: every usable target of the workspace, held for the run (nothing on a first run).
 */
export class RunMemory {
  private memory: TranslationMemory | null = null;
  private readonly importedPairs = new Set<string>();

  constructor(
    private readonly config: ResolvedConfig,
    private readonly replacesTestTargets: boolean,
  ) {}

  /** The memory stage for one group of articles. */
  reuse(input: MemoryStageInput): MemoryStageOutput {
    const out: MemoryStageOutput = { segments: 0, reused: 0, fromMemory: 0, unserved: [] };
    // once built, the memory learns every group's records, whether or not the group looks anything up
    let memory: TranslationMemory | null = this.memory ? this.memoryFor(input.works) : null;
    for (const work of input.works) {
      if (work.unchanged) {
        // no record wants a translation (segment.ts): each is a segment, reused when it has a target
        out.segments += work.unchanged.total;
        out.reused += work.unchanged.withTarget;
        continue;
      }
      work.records = work.records.map((record) => {
        out.segments++;
        if (!wantsTranslation(record, input.replacesTestTargets)) {
          if (record.target !== null) out.reused++;
          return record;
        }
        if (canRestoreApproval(record)) {
          // the source is back to the text approved in this very segment: the approval comes back, free
          out.reused++;
          out.fromMemory++;
          work.dirty = true;
          return sourceRestored(record, input.now);
        }
        memory ??= this.memoryFor(input.works);
        const hit = memory.lookup(work.pair, record.source, record.glossary);
        if (
          hit &&
          !(record.state === 'rejected' && hit.target === record.target) &&
          sameTags(record.source, hit.target)
        ) {
          out.reused++;
          out.fromMemory++;
          work.dirty = true;
          return reusedFromMemory(record, hit.target, hit.state, input.now);
        }
        out.unserved.push({ work, record });
        return record;
      });
    }
    return out;
  }

  /** The memory, with this group's records (as read this run) and its pairs' imported units in it. */
  private memoryFor(works: readonly ArticleWork[]): TranslationMemory {
    if (!this.memory) {
      this.memory = new TranslationMemory(!this.replacesTestTargets);
      for (const file of listStateFiles(this.config)) {
        const state = readArticleState(file);
        if (state) this.memory.addState(state);
      }
    }
    const memory = this.memory;
    for (const work of works)
      for (const record of work.records) memory.addRecord(work.pair, record, work.source.relativePath);
    for (const pair of new Set(works.map((work) => pairKey(work.pair)))) {
      if (this.importedPairs.has(pair)) continue;
      this.importedPairs.add(pair);
      const [source, target] = pair.split('-') as [Lang, Lang];
      memory.addImported({ source, target }, readImportedMemory(this.config, { source, target }));
    }
    return memory;
  }
}
