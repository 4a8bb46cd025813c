/**
 * Property: whatever a newsroom does to a segment, in any order (translate, edit the source or undo the
 * edit, edit the Italian by hand, approve, reject, change the glossary, stop a run with Ctrl-C), the
 * promises of issue 12 hold after every step, on a real workspace through the real pipeline:
 *  1. approved text is never replaced without a new approval (an approved record holds exactly a text
 *     that was approved for exactly its source);
 *  2. nothing already answered is billed twice: a source approved (and not rejected, glossary unchanged
 *     since) is never sent to the engine again;
 *  3. the output never shows source text where a translation existed.
 *
 * Fixed seed (FC_SEED, default 1207) so CI is reproducible; the seed and the failing sequence are
 * printed on failure. CI size: 4 generated life sequences; FC_RUNS=200 runs a longer search.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { Engine } from '../../src/engines/types.js';
import { shownTarget } from '../../src/memory/segment-life.js';
import { parseArticleState } from '../../src/memory/state-store.js';
import type { SegmentRecord } from '../../src/memory/types.js';
import { translateWorkspace } from '../../src/translate/index.js';
import { runCli } from '../support/run-cli.js';

const SEED = Number(process.env.FC_SEED ?? 1207);
const RUNS = Number(process.env.FC_RUNS ?? 4);
const VARIANTS = [
  ['The crew applauded.', 'The whole crew applauded.', 'The crew applauded loudly.'],
  ['Kim waved at the fans.', 'Kim waved at the cheering fans.', 'Kim smiled at the fans.'],
];

type Step =
  | { kind: 'translate' }
  | { kind: 'interrupt' }
  | { kind: 'source'; slot: number; variant: number }
  | { kind: 'handEdit'; slot: number }
  | { kind: 'approve' }
  | { kind: 'reject' }
  | { kind: 'glossary' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'translate' }),
  fc.constant<Step>({ kind: 'interrupt' }),
  fc.record({
    kind: fc.constant('source' as const),
    slot: fc.integer({ min: 0, max: 1 }),
    variant: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ kind: fc.constant('handEdit' as const), slot: fc.integer({ min: 0, max: 1 }) }),
  fc.constant<Step>({ kind: 'approve' }),
  fc.constant<Step>({ kind: 'reject' }),
  fc.constant<Step>({ kind: 'glossary' }),
);

/** A real engine's name (its output is reusable); writes capitals so no output contains its source. */
function shoutingEngine(sent: string[]): Engine {
  return {
    name: 'apertium',
    enforcesGlossary: () => false,
    async translateBatch(request) {
      sent.push(...request.texts);
      const texts = request.texts.map((text) => {
        const shouted = text
          .split(/(<[^>]+>)/)
          .map((part, i) => (i % 2 === 1 ? part : part.toUpperCase()))
          .join('');
        return `${shouted} IT`;
      });
      return { texts, billedCharacters: 0 };
    },
  };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

class Newsroom {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-property-'));
  readonly variant = [0, 0];
  glossaryForm = 'Kim';
  clock = 0;
  edits = 0;
  /** `source\0target` pairs someone approved */
  readonly approvals = new Set<string>();
  /** sources whose approved translation must never be paid for again */
  readonly answered = new Set<string>();
  /** slots that ever had a translation */
  readonly translated = new Set<number>();
  readonly sent: string[] = [];

  constructor() {
    dirs.push(this.dir);
    mkdirSync(path.join(this.dir, 'articles', 'en'), { recursive: true });
    mkdirSync(path.join(this.dir, 'glossary'));
    writeFileSync(
      path.join(this.dir, 'storyloc.config.yaml'),
      'sourceLanguages: [en]\ntargetLanguages: [it]\nengine:\n  default: none\n',
    );
    this.writeArticle();
    this.writeGlossary();
  }

  private file(relative: string): string {
    return path.join(this.dir, relative);
  }
  private writeArticle(): void {
    writeFileSync(
      this.file('articles/en/story.md'),
      `${VARIANTS.map((v, slot) => v[this.variant[slot]!]!).join('\n\n')}\n`,
    );
  }
  private writeGlossary(): void {
    writeFileSync(
      this.file('glossary/terms.yaml'),
      `version: 1\nentries:\n  - id: kim\n    type: person\n    forms:\n      en: Kim\n      it: ${this.glossaryForm}\n`,
    );
  }
  records(): SegmentRecord[] {
    try {
      return parseArticleState(readFileSync(this.file('output/it/en/story.md.state.json'), 'utf8'), 'state').segments;
    } catch {
      return [];
    }
  }
  output(): string {
    try {
      return readFileSync(this.file('output/it/en/story.md'), 'utf8');
    } catch {
      return '';
    }
  }

  async apply(s: Step): Promise<void> {
    const cli = (...args: string[]) =>
      runCli(['--workspace', this.dir, ...args], { cwd: this.dir, env: { LANG: 'C' } });
    switch (s.kind) {
      case 'translate':
      case 'interrupt': {
        const controller = new AbortController();
        if (s.kind === 'interrupt') controller.abort();
        const at = new Date(Date.UTC(2024, 0, 1, 0, 0, ++this.clock)).toISOString();
        const sentBefore = this.sent.length;
        await translateWorkspace({
          config: loadConfig({ workspace: this.dir }),
          cwd: this.dir,
          env: {},
          engineInstance: shoutingEngine(this.sent),
          editor: 'Ana',
          now: () => new Date(at),
          signal: controller.signal,
        });
        // 2. nothing answered is billed again
        for (const record of this.records()) {
          if (record.engine === 'apertium' && record.changedAt === at)
            expect(this.answered.has(record.source)).toBe(false);
        }
        if (this.sent.length > sentBefore)
          this.records().forEach((record, slot) => {
            if (record.target !== null) this.translated.add(slot);
          });
        this.records().forEach((record, slot) => {
          if (shownTarget(record) !== null) this.translated.add(slot);
        });
        return;
      }
      case 'source':
        this.variant[s.slot] = s.variant;
        this.writeArticle();
        return;
      case 'handEdit': {
        const record = this.records()[s.slot];
        const shown = record ? shownTarget(record) : null;
        const output = this.output();
        if (
          !record ||
          shown === null ||
          record.source !== VARIANTS[s.slot]![this.variant[s.slot]!] ||
          !output.includes(shown)
        )
          return;
        writeFileSync(this.file('output/it/en/story.md'), output.replace(shown, `Modifica ${++this.edits}.`));
        return;
      }
      case 'approve': {
        await cli('approve', 'en/story.md', '--all', '--force', '--by', 'Ana');
        for (const record of this.records()) {
          if (record.state !== 'approved') continue;
          this.approvals.add(`${record.source}\u0000${record.target}`);
          this.answered.add(record.source);
        }
        return;
      }
      case 'reject':
        await cli('reject', 'en/story.md', '--all', '--by', 'Ana');
        for (const record of this.records()) if (record.state === 'rejected') this.answered.delete(record.source);
        return;
      case 'glossary':
        this.glossaryForm = this.glossaryForm === 'Kim' ? 'Kim (Korea)' : 'Kim';
        this.writeGlossary();
        // approved translations made with the old term are out of date: translating them again is right
        this.answered.clear();
        return;
    }
  }

  checkInvariants(): void {
    const records = this.records();
    for (const record of records) {
      // 1. an approved record holds exactly an approved text for exactly its source
      if (record.state === 'approved') {
        expect(record.target).toBe(record.approvedTarget);
        expect(this.approvals.has(`${record.source}\u0000${record.target}`)).toBe(true);
      }
    }
    // 3. the output never shows source text where a translation existed (the engine writes capitals)
    const output = this.output();
    for (const slot of this.translated) {
      const source = VARIANTS[slot]![this.variant[slot]!]!;
      const record = records[slot];
      if (record && record.source === source && output !== '') expect(output.includes(source)).toBe(false);
    }
  }
}

describe('segment life, any sequence of events', () => {
  test(`keeps approved work, never bills it twice, never shows source where Italian was (seed ${SEED}, ${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const room = new Newsroom();
        await room.apply({ kind: 'translate' });
        for (const s of steps) {
          await room.apply(s);
          room.checkInvariants();
        }
      }),
      { seed: SEED, numRuns: RUNS, verbose: true },
    );
  }, 120_000);
});
