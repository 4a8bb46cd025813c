/**
 * An engine without glossary support gets `<x id="tN"/>` in place of each glossary term. When MT loses
 * or doubles that placeholder, the segment is flagged in its state and the article cannot be published
 * unnoticed: `status` says not publishable, `check` fails on `flagged-segment`, and `approve` refuses
 * the segment unless `--force`, which is recorded.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import type { Engine } from '../../src/engines/types.js';
import type { SegmentRecord } from '../../src/memory/types.js';
import { copyWorkspace, type TempWorkspace } from '../e2e/workspace.js';
import { runCli } from '../support/run-cli.js';
import { recordingPseudo, translate } from './helpers.js';

const env = { LANG: 'C' };
const ARTICLE = 'articles/en/finale.md';
const OUTPUT = 'output/it/en/finale.md';
const STATE = `${OUTPUT}.state.json`;
/** the front-matter title of finale.md, and what an engine without a glossary is sent for it */
const TITLE = 'Queen of Tears ends with a record';
const PLACEHOLDER = '<x id="t1"/>';
const PROTECTED_TITLE = `${PLACEHOLDER} ends with a record`;

/**
 * The pseudo engine (tags kept, no glossary), except that the translation of the title comes back
 * with its placeholder rewritten by `breakPlaceholder`. Every batch it is sent is recorded.
 */
function placeholderBreakingEngine(breakPlaceholder: (translated: string) => string): Engine & { sent: string[] } {
  const pseudo = createPseudoEngine();
  const sent: string[] = [];
  return {
    name: 'pseudo',
    sent,
    enforcesGlossary: () => false,
    async translateBatch(request) {
      sent.push(...request.texts);
      const result = await pseudo.translateBatch(request);
      return {
        ...result,
        texts: result.texts.map((text, i) => (request.texts[i] === PROTECTED_TITLE ? breakPlaceholder(text) : text)),
      };
    },
  };
}

let ws: TempWorkspace;
beforeEach(() => {
  ws = copyWorkspace();
});
afterEach(() => ws.remove());

const cli = (...args: string[]) => runCli([...args, '--workspace', ws.dir], { env, cwd: ws.dir });
const titleRecord = (): SegmentRecord => {
  const record = ws.state(STATE).segments.find((r) => r.source === TITLE);
  if (!record) throw new Error('finale.md has no title segment');
  return record;
};

interface Case {
  name: string;
  breakPlaceholder: (translated: string) => string;
  flag: string;
  /** what `check` says about the flag */
  finding: string;
  target: string;
  /** what `approve` says about the title after `refused ID: `: the flag in words, never its code */
  refusal: string;
  /** the same with LANG=it_IT.UTF-8 */
  refusalItalian: string;
  /** the check's findings on the title, besides flagged-segment and not-approved */
  glossaryFindings: string[];
}

const cases: Case[] = [
  {
    name: 'lost',
    breakPlaceholder: (text) => text.replace(PLACEHOLDER, ''),
    flag: 'placeholder.lost:t1:queen-of-tears',
    finding:
      'the glossary term queen-of-tears was lost in machine translation: put its translation back or retranslate',
    target: '⟦ énds wíth á récórd~~~~~~⟧',
    refusal:
      '“Queen of Tears” must be translated as “La regina delle lacrime”; ' +
      'the glossary term queen-of-tears was lost in machine translation: put its translation back or retranslate',
    refusalItalian:
      '“Queen of Tears” va tradotto come “La regina delle lacrime”; ' +
      'il termine di glossario queen-of-tears è andato perso nella traduzione automatica: rimetti la sua traduzione o ritraduci',
    // the term is missing from the target: the glossary rule sees it too
    glossaryFindings: ['glossary-term'],
  },
  {
    name: 'duplicated',
    breakPlaceholder: (text) => text.replace(PLACEHOLDER, `${PLACEHOLDER} ${PLACEHOLDER}`),
    flag: 'placeholder.duplicated:t1:queen-of-tears',
    finding:
      'the glossary term queen-of-tears appears more than once after machine translation: ' +
      'remove the extra copy or retranslate',
    target: '⟦La regina delle lacrime La regina delle lacrime énds wíth á récórd~~~~~~⟧',
    refusal:
      'the glossary term queen-of-tears appears more than once after machine translation: ' +
      'remove the extra copy or retranslate',
    refusalItalian:
      'il termine di glossario queen-of-tears compare più di una volta dopo la traduzione automatica: ' +
      'togli la copia in più o ritraduci',
    // the term is there (twice): only the flag stops this one
    glossaryFindings: [],
  },
];

describe.each(cases)(
  'a placeholder $name by MT',
  ({ breakPlaceholder, flag, finding, target, refusal, refusalItalian, glossaryFindings }) => {
    test('is flagged on the segment, and status, check and approve keep the article from being published', async () => {
      const engine = placeholderBreakingEngine(breakPlaceholder);
      await translate(ws, engine);
      expect(engine.sent.filter((text) => text === PROTECTED_TITLE)).toHaveLength(1);

      // the state: that segment, and only that one, carries the flag
      const title = titleRecord();
      expect(title).toMatchObject({ source: TITLE, target, state: 'machine', engine: 'pseudo', flags: [flag] });
      expect(ws.read(OUTPUT)).toContain(`title: ${target}\n`);
      const flagged = ['finale.md', 'set.md'].flatMap((name) =>
        ws.state(`output/it/en/${name}.state.json`).segments.filter((r) => r.flags !== undefined),
      );
      expect(flagged.map((r) => r.id)).toEqual([title.id]);

      // a rerun neither sends it again nor drops the flag
      const rerun = recordingPseudo();
      await translate(ws, rerun);
      expect(rerun.sent).toEqual([]);
      expect(titleRecord()).toEqual(title);

      // approve --segment refuses it and changes nothing
      const before = ws.read(STATE);
      const refused = await cli('approve', ARTICLE, '--segment', title.id, '--by', 'ana');
      expect(refused.stdout).toBe(
        `refused ${title.id}: ${refusal}. Fix the translation, or approve with --force.\nen/finale.md (it): 0 changed by ana, 1 refused\n`,
      );
      expect(refused.code).toBe(1);
      expect(refused.stdout).not.toContain(flag.split(':')[0]!);
      expect(ws.read(STATE)).toBe(before);
      const italian = await runCli(['approve', ARTICLE, '--segment', title.id, '--by', 'ana', '--workspace', ws.dir], {
        env: { LANG: 'it_IT.UTF-8' },
        cwd: ws.dir,
      });
      expect([italian.code, italian.stdout.split('\n')[0]]).toEqual([
        1,
        `rifiutata l’approvazione di ${title.id}: ${refusalItalian}. Correggi la traduzione, oppure approva con --force.`,
      ]);

      // everything else approved: the title is what keeps the article unpublishable
      const all = await cli('approve', ARTICLE, '--all', '--by', 'ana');
      expect(all.code).toBe(1);
      expect(all.stdout).toContain(`refused ${title.id}: ${refusal}.`);
      expect(all.stdout).toContain('en/finale.md (it): 10 changed by ana, 1 refused\n');
      const status = await cli('status', '--json');
      expect(status.code).toBe(0);
      const finale = (
        JSON.parse(status.stdout) as {
          articles: Array<{ article: string; publishable: boolean; counts: Record<string, number> }>;
        }
      ).articles.find((a) => a.article === 'en/finale.md');
      expect(finale).toMatchObject({
        publishable: false,
        counts: { untranslated: 0, machine: 1, edited: 0, approved: 10, rejected: 0, stale: 0 },
      });

      // check fails on it (exit 1), naming the flag; it is the only segment of the article with findings
      const check = await cli('check', '--format', 'json');
      expect(check.code).toBe(1);
      const report = JSON.parse(check.stdout) as {
        violations: Array<{ rule: string; severity: string; file: string; segmentId: string; message: string }>;
      };
      const findings = report.violations.filter((v) => v.file === OUTPUT).map((v) => [v.rule, v.severity, v.segmentId]);
      expect(findings).toEqual([
        ...glossaryFindings.map((rule) => [rule, 'error', title.id]),
        ['not-approved', 'warning', title.id],
        ['flagged-segment', 'error', title.id],
      ]);
      expect(report.violations.find((v) => v.rule === 'flagged-segment')?.message).toBe(finding);
      expect(report.violations.filter((v) => v.severity === 'error')).toHaveLength(glossaryFindings.length + 1);

      // only --force lets it through, and the state says so
      const forced = await cli('approve', ARTICLE, '--segment', title.id, '--by', 'ana', '--force');
      expect(forced.code).toBe(0);
      expect(forced.stdout).toBe(
        `approved ${title.id} despite failing checks (forced, recorded)\nen/finale.md (it): 1 changed by ana, 0 refused\n`,
      );
      expect(titleRecord()).toMatchObject({ state: 'approved', forced: true, changedBy: 'ana', flags: [flag] });
    });
  },
);
