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
import type { ArticleState, SegmentRecord } from '../memory/types.js';
import { readImportedMemory } from '../memory/workspace.js';
import { sameTags } from '../segments/xml.js';
import type { ArticleWork } from './types.js';

export interface MemoryStageInput {
  config: ResolvedConfig;
  works: readonly ArticleWork[];
  /** every state file of the workspace, by path (the ones out of scope feed the memory too) */
  states: ReadonlyMap<string, ArticleState>;
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

export function reuseFromMemory(input: MemoryStageInput): MemoryStageOutput {
  const out: MemoryStageOutput = { segments: 0, reused: 0, fromMemory: 0, unserved: [] };
  let memory: TranslationMemory | null = null;
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
      memory ??= buildMemory(input);
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

/** Every state out of scope, every record in scope (as read this run) and the imported units. */
function buildMemory(input: MemoryStageInput): TranslationMemory {
  const memory = new TranslationMemory(!input.replacesTestTargets);
  const inScope = new Set(input.works.map((work) => work.statePath));
  for (const [file, state] of input.states) if (!inScope.has(file)) memory.addState(state);
  for (const work of input.works)
    for (const record of work.records) memory.addRecord(work.pair, record, work.source.relativePath);
  for (const pair of new Set(input.works.map((work) => pairKey(work.pair)))) {
    const [source, target] = pair.split('-') as [Lang, Lang];
    memory.addImported({ source, target }, readImportedMemory(input.config, { source, target }));
  }
  return memory;
}
