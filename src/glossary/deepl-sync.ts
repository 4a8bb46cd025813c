/**
 * Keeps DeepL v3 ("multilingual") glossaries in step with the termbase.
 *
 * One glossary per workspace, named `storyloc:<workspace folder name>`, holding one dictionary per
 * configured pair (en→it, ko→it). A dictionary maps every source form (canonical and variants) to the
 * canonical target form; do-not-translate entries map to themselves (tvN → tvN).
 *
 * What was sent is recorded in `output/.storyloc/deepl-glossaries.json` (glossary id, and per pair the
 * content hash and entry count; never the key), so a run with no termbase change costs one read-only
 * call (the glossary list, which also tells whether the recorded glossary still exists). A changed
 * dictionary is replaced (PUT), a pair no longer configured is deleted, and glossaries with our name
 * that are not the recorded one (a run that died before recording) are deleted. Glossaries of other
 * names are never touched.
 *
 * An account may also hold v2 (single-pair) glossaries, made by older tools with DeepL's v2 endpoints.
 * deepl-node lists them apart (`listGlossaries`); sync lists them too, so a user sees every glossary
 * that could be applied to a pair, and leaves them alone (storyloc only uses its own v3 glossary).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic-file.js';
import { createRequire } from 'node:module';
import type * as DeepLNode from 'deepl-node';
import type { DeepLClient, GlossaryInfo, MultilingualGlossaryInfo } from 'deepl-node';
import type { ResolvedConfig } from '../config/types.js';
import { inputError } from '../errors.js';
import { pairKey, type LanguagePair } from '../languages.js';
import { acceptedFormsOf, formOf } from './entry.js';
import { sha256Hex } from './hash.js';
import type { Termbase } from './types.js';

/** deepl-node's GlossaryEntries, loaded on first use (a translate run needs only `glossaryIdsFor`). */
function glossaryEntries(entries: Record<string, string>): DeepLNode.GlossaryEntries {
  const { GlossaryEntries } = createRequire(import.meta.url)('deepl-node') as typeof DeepLNode;
  return new GlossaryEntries({ entries });
}

export const SYNC_STATE_VERSION = 1;
export const GLOSSARY_NAME_PREFIX = 'storyloc:';

/** The deepl-node calls sync uses (a DeepLClient; tests may wrap one). */
export type GlossarySyncClient = Pick<
  DeepLClient,
  | 'listMultilingualGlossaries'
  | 'listGlossaries'
  | 'createMultilingualGlossary'
  | 'replaceMultilingualGlossaryDictionary'
  | 'deleteMultilingualGlossaryDictionary'
  | 'deleteMultilingualGlossary'
>;

export interface DictionaryContent {
  pair: LanguagePair;
  /** `en-it` */
  key: string;
  /** source form → target form, sorted by source */
  entries: Record<string, string>;
  entryCount: number;
  /** sha256 (16 hex) of the pair and the sorted entries */
  hash: string;
}

export interface SyncState {
  version: 1;
  /** the DeepL glossary holding our dictionaries, null when none is needed */
  glossaryId: string | null;
  name: string;
  /** pair key → what the dictionary holds on DeepL */
  dictionaries: Record<string, { hash: string; entryCount: number }>;
}

export type SyncAction =
  | { kind: 'createGlossary'; name: string; pairs: string[]; entryCount: number }
  | { kind: 'replaceDictionary'; pair: string; entryCount: number }
  | { kind: 'keepDictionary'; pair: string; entryCount: number }
  | { kind: 'deleteDictionary'; pair: string }
  | { kind: 'deleteGlossary'; glossaryId: string; name: string; reason: 'unused' | 'orphan' };

/** A v2 (single-pair) glossary on the account that is not storyloc's: listed, never changed. */
export interface AccountV2Glossary {
  glossaryId: string;
  name: string;
  /** `en-it` */
  pair: string;
  entryCount: number;
}

export interface SyncResult {
  actions: SyncAction[];
  /** v2 glossaries on the account besides storyloc's (empty offline), by name */
  v2Glossaries: AccountV2Glossary[];
  /** the state after the run (for a dry run: what it would be, without new ids) */
  state: SyncState;
  /** false for an offline dry run (no key): the plan trusts the recorded state */
  remoteChecked: boolean;
  dryRun: boolean;
}

/** The workspace file recording what was synced. */
export function syncStatePath(config: ResolvedConfig): string {
  return path.join(config.paths.output, '.storyloc', 'deepl-glossaries.json');
}

export function glossaryNameFor(config: ResolvedConfig): string {
  return `${GLOSSARY_NAME_PREFIX}${path.basename(config.workspaceDir)}`;
}

/** The recorded sync state, or null when there is none (never synced, or an unreadable file). */
export function readSyncState(file: string): SyncState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as Partial<SyncState>;
    if (data.version !== SYNC_STATE_VERSION || typeof data.dictionaries !== 'object' || data.dictionaries === null)
      return null;
    return {
      version: 1,
      glossaryId: data.glossaryId ?? null,
      name: String(data.name ?? ''),
      dictionaries: data.dictionaries,
    };
  } catch {
    throw inputError('glossary.sync.badState', 'glossary:sync.badState', { file }, { file });
  }
}

/**
 * The DeepL glossary id to pass when translating `pair`, from the last `storyloc glossary sync`;
 * undefined when that pair was never synced.
 */
export function glossaryIdFor(config: ResolvedConfig, pair: LanguagePair): string | undefined {
  const state = readSyncState(syncStatePath(config));
  if (!state?.glossaryId || !state.dictionaries[pairKey(pair)]) return undefined;
  return state.glossaryId;
}

/** Every synced pair's glossary id (`{ 'en-it': id }`), the shape the DeepL engine takes. */
export function glossaryIdsFor(config: ResolvedConfig): Record<string, string> {
  const state = readSyncState(syncStatePath(config));
  const ids: Record<string, string> = {};
  if (!state?.glossaryId) return ids;
  for (const key of Object.keys(state.dictionaries).sort()) ids[key] = state.glossaryId;
  return ids;
}

/** The configured pairs: every source language to every target language. */
export function configuredPairs(config: ResolvedConfig): LanguagePair[] {
  return config.sourceLanguages.flatMap((source) => config.targetLanguages.map((target) => ({ source, target })));
}

/** Dictionary content per pair; pairs with no entries are left out (DeepL refuses empty dictionaries). */
export function buildDictionaries(termbase: Termbase, pairs: readonly LanguagePair[]): DictionaryContent[] {
  const out: DictionaryContent[] = [];
  for (const pair of pairs) {
    const entries = new Map<string, string>();
    for (const entry of termbase.entries) {
      const target = formOf(entry, pair.target)?.trim();
      if (!target) continue;
      for (const form of acceptedFormsOf(entry, pair.source)) {
        const source = form.trim();
        // the first entry wins; lint refuses a source form with two targets before sync runs
        if (source !== '' && !entries.has(source)) entries.set(source, target);
      }
    }
    if (entries.size === 0) continue;
    const sorted = [...entries.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const key = pairKey(pair);
    out.push({
      pair,
      key,
      entries: Object.fromEntries(sorted),
      entryCount: sorted.length,
      hash: sha256Hex(`${key}\n${sorted.map(([s, t]) => `${s}\t${t}`).join('\n')}`),
    });
  }
  return out;
}

export interface SyncOptions {
  termbase: Termbase;
  pairs: readonly LanguagePair[];
  /** null: offline dry run (no key), planned from the recorded state alone */
  client: GlossarySyncClient | null;
  statePath: string;
  name: string;
  dryRun: boolean;
}

function dictionaryEntries(content: DictionaryContent): {
  sourceLangCode: string;
  targetLangCode: string;
  entries: DeepLNode.GlossaryEntries;
} {
  return {
    sourceLangCode: content.pair.source,
    targetLangCode: content.pair.target,
    entries: glossaryEntries(content.entries),
  };
}

async function writeState(file: string, state: SyncState): Promise<void> {
  const ordered: SyncState = {
    version: 1,
    glossaryId: state.glossaryId,
    name: state.name,
    dictionaries: Object.fromEntries(
      Object.keys(state.dictionaries)
        .sort()
        .map((key) => [key, state.dictionaries[key]!]),
    ),
  };
  // (the folder is created when missing; failures are StorylocErrors naming the file)
  await writeFileAtomic(file, `${JSON.stringify(ordered, null, 2)}\n`);
}

/** Plans and (unless dryRun) applies the sync. Client errors propagate after the state is recorded. */
export async function syncDeepLGlossaries(options: SyncOptions): Promise<SyncResult> {
  const desired = buildDictionaries(options.termbase, options.pairs);
  const recorded = readSyncState(options.statePath);
  const remote: MultilingualGlossaryInfo[] | null = options.client
    ? await options.client.listMultilingualGlossaries()
    : null;
  const remoteV2: GlossaryInfo[] = options.client ? await options.client.listGlossaries() : [];

  const current = recordedGlossary(recorded, remote);

  const actions: SyncAction[] = [];
  const state: SyncState = { version: 1, glossaryId: current?.id ?? null, name: options.name, dictionaries: {} };
  const steps: Array<() => Promise<void>> = [];

  if (desired.length > 0 && current === null) {
    actions.push({
      kind: 'createGlossary',
      name: options.name,
      pairs: desired.map((d) => d.key),
      entryCount: desired.reduce((n, d) => n + d.entryCount, 0),
    });
    steps.push(async () => {
      const info = await options.client!.createMultilingualGlossary(options.name, desired.map(dictionaryEntries));
      state.glossaryId = info.glossaryId;
      for (const d of desired) state.dictionaries[d.key] = { hash: d.hash, entryCount: d.entryCount };
    });
  } else if (current !== null) {
    planDictionaryChanges(options, desired, recorded, current, actions, steps, state);
  }

  // glossaries with our name that are not the one we keep: left by a run that died before recording
  for (const info of remote ?? []) {
    if (info.name !== options.name || info.glossaryId === current?.id) continue;
    actions.push({ kind: 'deleteGlossary', glossaryId: info.glossaryId, name: info.name, reason: 'orphan' });
    steps.push(async () => {
      await options.client!.deleteMultilingualGlossary(info.glossaryId);
    });
  }

  const v2Glossaries = accountV2Glossaries(remoteV2, current?.id, options.name);

  if (options.dryRun || options.client === null) {
    for (const d of desired) state.dictionaries[d.key] = { hash: d.hash, entryCount: d.entryCount };
    return { actions, v2Glossaries, state, remoteChecked: remote !== null, dryRun: true };
  }

  const changed = steps.length > 0 || JSON.stringify(recorded) !== JSON.stringify(state);
  try {
    for (const step of steps) await step();
  } finally {
    // record what was done, even when a later step failed: the next run picks up from there
    if (changed) await writeState(options.statePath, state);
  }
  return { actions, v2Glossaries, state, remoteChecked: true, dryRun: false };
}

/** The glossary the sync state records, if it still exists on the server (offline: trusted). */
interface CurrentGlossary {
  id: string;
  /** entries per `source-target` dictionary on the server; null offline */
  remoteCounts: Map<string, number> | null;
}

function recordedGlossary(
  recorded: SyncState | null,
  remote: readonly MultilingualGlossaryInfo[] | null,
): CurrentGlossary | null {
  let current: CurrentGlossary | null = null;
  if (recorded?.glossaryId) {
    if (remote === null) current = { id: recorded.glossaryId, remoteCounts: null };
    else {
      const info = remote.find((g) => g.glossaryId === recorded.glossaryId);
      if (info) {
        const counts = new Map(
          info.dictionaries.map((d) => [
            `${d.sourceLangCode.toLowerCase()}-${d.targetLangCode.toLowerCase()}`,
            d.entryCount,
          ]),
        );
        current = { id: info.glossaryId, remoteCounts: counts };
      }
    }
  }

  return current;
}

/** Keeps, replaces or deletes the dictionaries of the glossary we keep (or the glossary itself when unused). */
function planDictionaryChanges(
  options: SyncOptions,
  desired: ReturnType<typeof buildDictionaries>,
  recorded: SyncState | null,
  current: CurrentGlossary,
  actions: SyncAction[],
  steps: Array<() => Promise<void>>,
  state: SyncState,
): void {
  const glossaryId = current.id;
  const remoteKeys = current.remoteCounts
    ? [...current.remoteCounts.keys()]
    : Object.keys(recorded?.dictionaries ?? {});
  for (const d of desired) {
    const before = recorded?.dictionaries[d.key];
    const remoteCount = current.remoteCounts?.get(d.key);
    const unchanged = before?.hash === d.hash && (current.remoteCounts === null || remoteCount === before.entryCount);
    if (unchanged) {
      actions.push({ kind: 'keepDictionary', pair: d.key, entryCount: d.entryCount });
      state.dictionaries[d.key] = { hash: d.hash, entryCount: d.entryCount };
    } else {
      actions.push({ kind: 'replaceDictionary', pair: d.key, entryCount: d.entryCount });
      steps.push(async () => {
        await options.client!.replaceMultilingualGlossaryDictionary(glossaryId, dictionaryEntries(d));
        state.dictionaries[d.key] = { hash: d.hash, entryCount: d.entryCount };
      });
    }
  }
  const wanted = new Set(desired.map((d) => d.key));
  if (desired.length === 0) {
    actions.push({ kind: 'deleteGlossary', glossaryId, name: options.name, reason: 'unused' });
    steps.push(async () => {
      await options.client!.deleteMultilingualGlossary(glossaryId);
      state.glossaryId = null;
      state.dictionaries = {};
    });
  } else {
    for (const key of remoteKeys.sort()) {
      if (wanted.has(key)) continue;
      const [source, target] = key.split('-') as [string, string];
      actions.push({ kind: 'deleteDictionary', pair: key });
      steps.push(async () => {
        await options.client!.deleteMultilingualGlossaryDictionary(glossaryId, source, target);
      });
    }
  }
}

/** The account's other (v2) glossaries: a single-pair glossary of ours shows in the v2 list too. */
function accountV2Glossaries(remoteV2: readonly GlossaryInfo[], currentId: string | undefined, name: string) {
  return remoteV2
    .filter((info) => info.glossaryId !== currentId && info.name !== name)
    .map((info) => ({
      glossaryId: info.glossaryId,
      name: info.name,
      pair: `${info.sourceLang}-${info.targetLang}`.toLowerCase(),
      entryCount: info.entryCount,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
