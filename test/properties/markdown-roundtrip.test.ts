/**
 * Property-based tests of Markdown input (issue 16): for any generated story, parsing and reassembling
 * with the identity gives back the same bytes, a pseudo-translation is read back as storyloc's own
 * output, and every refusal is a StorylocError naming the file; through the CLI, `roundtrip`, `segment`
 * and `translate` either succeed or exit 2 naming the file, and a rerun has nothing to send.
 * CI size: 60 generated stories for the in-process properties, 4 workspaces for the CLI one (all of them
 * together, with test/property, in about 4 s). Seeds are fixed (settings.ts); `FC_RUNS=10000` sets every
 * property here to that many runs for a nightly-sized run.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle, type ParsedArticle } from '../../src/articles/read.js';
import { pseudoTranslate } from '../../src/engines/pseudo.js';
import { StorylocError } from '../../src/errors.js';
import { detectHumanEdits } from '../../src/reassembly/human-edits.js';
import { reassembleArticle, roundtripDifference } from '../../src/reassembly/reassemble.js';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, type TempWorkspace } from '../e2e/workspace.js';
import { nestedArbitrary, storyArbitrary } from './markdown-generators.js';
import { propertySettings, propertyTimeout } from './settings.js';

const FILE = 'articles/en/generated.md';

/** Parses, or returns the refusal; anything but a StorylocError naming the file fails the property. */
function parseOrRefusal(text: string, maxNestingDepth = 100): ParsedArticle | StorylocError {
  try {
    return parseArticle({
      path: FILE,
      relativePath: 'en/generated.md',
      lang: 'en',
      text,
      frontMatterKeys: ['title', 'summary'],
      limits: { maxBlockChars: 1_000_000, maxNestingDepth },
    });
  } catch (error) {
    if (error instanceof StorylocError && error.position?.file === FILE) return error;
    throw error;
  }
}

describe('any generated story, parsed in process', () => {
  const RUNS = 60;
  test(
    'identity roundtrip byte-exact; a pseudo-translation reads back unchanged; refusals name the file',
    () => {
      fc.assert(
        fc.property(storyArbitrary(4), ({ text, crlf }) => {
          const parsed = parseOrRefusal(text);
          if (crlf) {
            // CRLF is kept byte for byte: the same segments as the LF twin, or the same refusal
            const twin = parseOrRefusal(text.replace(/\r\n/g, '\n'));
            if (twin instanceof StorylocError) expect(parsed instanceof StorylocError && parsed.code).toBe(twin.code);
            else
              expect(parsed instanceof StorylocError ? parsed : parsed.segments.map((s) => s.id)).toEqual(
                twin.segments.map((s) => s.id),
              );
          }
          if (parsed instanceof StorylocError) return;
          expect(roundtripDifference(parsed)).toBeNull();
          const targets = new Map(parsed.segments.map((segment) => [segment.id, pseudoTranslate(segment.text)]));
          const output = reassembleArticle(parsed, targets, 'it');
          expect(detectHumanEdits(parsed, targets, 'it', output)).toEqual({ status: 'unchanged' });
          if (crlf) expect(output.replace(/\r\n/g, '')).not.toContain('\n');
        }),
        propertySettings(RUNS),
      );
    },
    propertyTimeout(RUNS, 20),
  );

  test(
    'nesting: within the limit (allowing for indentation) read, past it refused with the line',
    () => {
      const limit = 8;
      fc.assert(
        fc.property(nestedArbitrary(12), ({ text, depth }) => {
          const parsed = parseOrRefusal(text, limit);
          if (depth > limit) {
            expect(parsed instanceof StorylocError && [parsed.code, parsed.position?.line]).toEqual([
              'article.tooDeep',
              1,
            ]);
          } else if (depth * 1.5 <= limit) {
            expect(parsed).not.toBeInstanceOf(StorylocError);
            expect(roundtripDifference(parsed as ParsedArticle)).toBeNull();
          }
        }),
        propertySettings(RUNS),
      );
    },
    propertyTimeout(RUNS, 20),
  );
});

describe('any generated story, through the CLI', () => {
  const RUNS = 4;
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = copyWorkspace();
  });
  afterAll(() => ws.remove());
  const env = { LANG: 'C' };
  const cli = (...args: string[]) => runCli([...args, '--workspace', ws.dir], { env, cwd: ws.dir });
  /** exit 0, or exit 2 with one error line naming the story (never "Unexpected error") */
  const expectOkOrNamedRefusal = (result: { code: number; stderr: string }): boolean => {
    if (result.code === 0) return true;
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.stringMatching(new RegExp(`^storyloc: error: \\S*${path.basename(FILE)}[:\\s]`)),
    ]);
    expect(result.stderr).not.toContain('Unexpected error');
    return false;
  };

  test(
    'roundtrip, segment and translate succeed or name the file; a rerun sends nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(storyArbitrary(3), async ({ text }) => {
          rmSync(path.join(ws.dir, 'output'), { recursive: true, force: true });
          mkdirSync(path.join(ws.dir, 'articles/en'), { recursive: true });
          writeFileSync(path.join(ws.dir, FILE), text);
          const roundtrip = await cli('roundtrip', '--verbose', FILE);
          if (!expectOkOrNamedRefusal(roundtrip)) return;
          expect(roundtrip.stdout).toMatch(/^ok: /);
          expectOkOrNamedRefusal(await cli('segment', FILE));
          const first = await cli('translate', FILE, '--engine', 'pseudo', '--json');
          if (!expectOkOrNamedRefusal(first)) return;
          const rerun = await cli('translate', FILE, '--engine', 'pseudo', '--json');
          expect(rerun.code).toBe(0);
          expect(JSON.parse(rerun.stdout)).toMatchObject({ sent: 0, human_edits: 0, untranslated: 0 });
        }),
        propertySettings(RUNS),
      );
    },
    propertyTimeout(RUNS, 1000),
  );
});
