import { describe, expect, test, beforeEach, afterEach } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../src/config/load.js';
import { StorylocError } from '../../src/errors.js';
import {
  isCanonicalRecord,
  normaliseRecord,
  outputPathFor,
  parseArticleState,
  readArticleState,
  readArticleStateWithStat,
  serializeArticleState,
  statePathFor,
  writeArticleState,
} from '../../src/memory/state-store.js';
import { record, state } from './factories.js';
import type { SegmentRecord } from '../../src/memory/types.js';
import { createRandom } from '../support/random.js';
import { lineColumnAt } from '../../src/text/positions.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function thrown(fn: () => unknown): StorylocError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StorylocError) return error;
    throw error;
  }
  throw new Error('expected a StorylocError');
}

describe('paths', () => {
  test('output and state live under output/<lang>/<relative path>', () => {
    const config = defaultConfig('/ws');
    expect(outputPathFor(config, 'en/queen.md', 'it')).toBe('/ws/output/it/en/queen.md');
    expect(statePathFor(config, 'en/sub/queen.md', 'it')).toBe('/ws/output/it/en/sub/queen.md.state.json');
  });
});

describe('serialisation', () => {
  test('stable key order, 2-space JSON, sorted glossary keys, trailing newline', () => {
    const r = record('Hello.', { glossary: { zeta: '2', alpha: '1' }, previousTarget: 'Old.' });
    // Keys deliberately scrambled: the writer puts them in the canonical order.
    const scrambled = Object.fromEntries(Object.entries(r).reverse()) as typeof r;
    const text = serializeArticleState(state([scrambled]));
    expect(text.endsWith('}\n')).toBe(true);
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '{',
      '  "version": 1,',
      '  "article": "en/story.md",',
      '  "sourceLang": "en",',
      '  "targetLang": "it",',
      '  "sourceFileHash": "abc",',
      '  "segments": [',
    ]);
    const keys = Object.keys((JSON.parse(text) as { segments: Record<string, unknown>[] }).segments[0]!);
    expect(keys).toEqual([
      'id',
      'kind',
      'line',
      'source',
      'sourceHash',
      'target',
      'state',
      'engine',
      'glossary',
      'changedBy',
      'changedAt',
      'previousTarget',
    ]);
    expect(text).toContain('"glossary": {\n        "alpha": "1",\n        "zeta": "2"\n      }');
  });

  test('equal states give byte-identical files and round-trip through parse', () => {
    const s = state([record('One.'), record('Two.', { state: 'approved', approvedTarget: 'IT Two.', flags: [] })]);
    const text = serializeArticleState(s);
    expect(serializeArticleState(parseArticleState(text, 'x.json'))).toBe(text);
    // Empty flags are not written.
    expect(text).not.toContain('"flags"');
  });
});

describe('records serialised as they are when already canonical', () => {
  /** The state text with every record normalised first (the general path). */
  const normalisedText = (s: ReturnType<typeof state>) =>
    `${JSON.stringify(
      {
        version: s.version,
        article: s.article,
        sourceLang: s.sourceLang,
        targetLang: s.targetLang,
        sourceFileHash: s.sourceFileHash,
        ...(s.outputHash !== undefined ? { outputHash: s.outputHash } : {}),
        segments: s.segments.map(normaliseRecord),
      },
      null,
      2,
    )}\n`;

  test('a canonical record is recognised; each way a record can differ from its normal form is not', () => {
    // the factory appends its overrides after the other keys: `approvedTarget` after `flags` is out of order
    const built = record('One.', { glossary: { a: '1', b: '2' }, flags: ['x'], approvedTarget: 'IT One.' });
    expect(isCanonicalRecord(built)).toBe(false);
    const plain = normaliseRecord(built);
    expect(isCanonicalRecord(plain)).toBe(true);
    const variants: Record<string, unknown>[] = [
      Object.fromEntries(Object.entries(plain).reverse()),
      { ...plain, glossary: { b: '2', a: '1' } },
      { ...plain, flags: [] },
      { ...plain, previousTarget: undefined },
      { ...plain, history: [] },
      (({ changedBy: _dropped, ...rest }) => rest)(plain),
    ];
    for (const variant of variants) expect(isCanonicalRecord(variant as unknown as typeof plain)).toBe(false);
  });

  test('random records (scrambled, optional keys, extra keys): the same text as normalising every record', () => {
    const random = createRandom(7);
    const optional = ['previousTarget', 'approvedTarget', 'approvedSource', 'forced', 'flags', 'history'] as const;
    for (let round = 0; round < 300; round++) {
      const records = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => {
        const r: Record<string, unknown> = { ...record(`Line ${round} ${i}.`) };
        if (random() < 0.3) r.glossary = { zeta: 'z', alpha: 'a' };
        for (const key of optional)
          if (random() < 0.25)
            r[key] =
              key === 'forced' ? true : key === 'flags' ? (random() < 0.5 ? [] : ['f']) : key === 'history' ? [] : 'T';
        if (random() < 0.2) r.target = null;
        if (random() < 0.1) r.engine = undefined;
        const entries = Object.entries(r);
        return Object.fromEntries(random() < 0.3 ? entries.reverse() : entries) as unknown as SegmentRecord;
      });
      const s = state(records);
      expect(serializeArticleState(s)).toBe(normalisedText(s));
    }
  });
});

describe('reading', () => {
  test('a missing file is null (never translated)', () => {
    expect(readArticleState(path.join(dir, 'nope.state.json'))).toBeNull();
  });

  test('read by path (readArticleState) and through the open file with its status: the same state, null, error', () => {
    const file = path.join(dir, 'same.state.json');
    const written = state([record('One 😀 ünï.'), record('Two.')]);
    writeFileSync(file, serializeArticleState(written));
    const byPath = readArticleState(file);
    expect(byPath).toEqual(written);
    expect(byPath).toEqual(readArticleStateWithStat(file)!.state);
    expect(readArticleStateWithStat(file)!.stat.size).toBe(BigInt(readFileSync(file).length));
    const missing = path.join(dir, 'missing.state.json');
    expect(readArticleState(missing)).toBeNull();
    expect(readArticleStateWithStat(missing)).toBeNull();
    // a folder where the file should be: the same `state.unreadable` error, naming the file and the cause
    const folder = path.join(dir, 'folder.state.json');
    mkdirSync(folder);
    const byPathError = thrown(() => readArticleState(folder));
    const withStatError = thrown(() => readArticleStateWithStat(folder));
    expect(byPathError.code).toBe('state.unreadable');
    expect(byPathError.params).toEqual({ file: folder, detail: 'EISDIR' });
    expect(withStatError.params).toEqual(byPathError.params);
    expect(withStatError.position).toEqual({ file: folder });
    expect(byPathError.position).toEqual({ file: folder });
  });

  test('invalid JSON names the file, line and column', () => {
    const file = path.join(dir, 'bad.state.json');
    writeFileSync(file, '{\n  "version": 1,\n  "article": "en/a.md",\n}\n');
    const error = thrown(() => readArticleState(file));
    expect(error.code).toBe('state.invalidJson');
    expect(error.exitCode).toBe(2);
    expect(error.position).toEqual({ file, line: 4, column: 1 });
  });

  test('a wrong shape names the field and the line of the field in its record', () => {
    const file = path.join(dir, 'shape.state.json');
    const good = serializeArticleState(state([record('One.'), record('Two.')]));
    const broken = good.replace(/"state": "machine"(?![\s\S]*"state": "machine")/, '"state": "done"');
    writeFileSync(file, broken);
    const error = thrown(() => readArticleState(file));
    expect(error.code).toBe('state.invalidShape');
    expect(error.params).toMatchObject({ field: 'segments[1].state' });
    const stateLine = broken.split('\n').indexOf('      "state": "done",') + 1;
    expect(stateLine).toBeGreaterThan(20);
    expect(error.position).toEqual({ file, line: stateLine });
    // A root field: its own line.
    const badLang = good.replace('"targetLang": "it"', '"targetLang": "xx"');
    expect(thrown(() => parseArticleState(badLang, 'f')).position).toEqual({ file: 'f', line: 5 });
  });

  test('unresolved git merge-conflict markers are named as such, with their line', () => {
    const good = serializeArticleState(state([record('One.')]));
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.includes('"state"'));
    lines.splice(
      at,
      1,
      '<<<<<<< HEAD',
      lines[at]!,
      '=======',
      lines[at]!.replace('machine', 'edited'),
      '>>>>>>> review',
    );
    const error = thrown(() => parseArticleState(lines.join('\n'), 'f.state.json'));
    expect(error.code).toBe('state.mergeConflict');
    expect(error.exitCode).toBe(2);
    expect(error.params).toEqual({ file: 'f.state.json', line: at + 1 });
    expect(error.position).toEqual({ file: 'f.state.json', line: at + 1, column: 1 });
  });

  test('merge conflicts looked for after JSON.parse: the same answer as looking first (property)', () => {
    // the order before: conflict markers at a line start first, then JSON
    const conflictFirst = (text: string): string => {
      const conflict = /^(?:<{7}|={7}|>{7})(?: |$)/m.exec(text);
      if (conflict) return `conflict at line ${lineColumnAt(text, conflict.index).line}`;
      try {
        JSON.parse(text);
        return 'json';
      } catch {
        return 'invalid';
      }
    };
    const outcome = (text: string): string => {
      try {
        parseArticleState(text, 'f');
        return 'json';
      } catch (error) {
        const e = error as StorylocError;
        if (e.code === 'state.mergeConflict') return `conflict at line ${(e.params as { line: number }).line}`;
        if (e.code === 'state.invalidJson') return 'invalid';
        throw error;
      }
    };
    const good = serializeArticleState(state([record('One.'), record('Two.')]));
    const pieces = ['=======', '<<<<<<< HEAD', '>>>>>>> b', '\n', '\r\n', '\u2028', '\u2029', ' ', 'x', '"', '\\n'];
    const next = createRandom(7);
    const random = { int: (n: number) => Math.floor(next() * n) };
    let conflicts = 0;
    let valid = 0;
    for (let trial = 0; trial < 1500; trial++) {
      // pieces put inside the first target (a JSON string) or between the lines of the file
      const inserted = Array.from({ length: 1 + random.int(4) }, () => pieces[random.int(pieces.length)]!).join('');
      const inString = random.int(2) === 0;
      const text = inString
        ? good.replace('"target": "IT One.', `"target": "IT One.${inserted}`)
        : good.replace('\n  "segments"', `\n${inserted}\n  "segments"`);
      expect(text).not.toBe(good);
      const expected = conflictFirst(text);
      if (expected !== 'json' && expected !== 'invalid') conflicts++;
      if (expected === 'json') valid++;
      expect(outcome(text)).toBe(expected);
    }
    expect(conflicts).toBeGreaterThan(100);
    expect(valid).toBeGreaterThan(100);
    // a string holding U+2028 then a marker: valid JSON, read as a conflict, as it always was
    const separated = good.replace('"target": "IT One.', '"target": "IT One.\u2028======= theirs');
    expect(JSON.parse(separated)).toBeTruthy();
    expect(thrown(() => parseArticleState(separated, 'f')).code).toBe('state.mergeConflict');
  });

  test('duplicate ids and a wrong version are refused', () => {
    const dup = serializeArticleState(state([record('One.'), record('One.')]));
    expect(thrown(() => parseArticleState(dup, 'f')).params).toMatchObject({
      field: 'segments[1].id',
      expected: 'unique id',
    });
    const v2 = serializeArticleState(state([])).replace('"version": 1', '"version": 2');
    expect(thrown(() => parseArticleState(v2, 'f')).params).toMatchObject({ field: 'version' });
  });
});

describe('writing', () => {
  test('writes atomically into new folders and leaves no temp file', async () => {
    const file = path.join(dir, 'output', 'it', 'en', 'a.md.state.json');
    const s = state([record('One.')]);
    await writeArticleState(file, s);
    expect(readFileSync(file, 'utf8')).toBe(serializeArticleState(s));
    expect(readdirSync(path.dirname(file))).toEqual(['a.md.state.json']);
  });
});
