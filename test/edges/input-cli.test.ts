/**
 * Hard edges through the CLI on temporary workspaces (issue 16, cases 1, 2, 3, 8 and 9): each bad input is
 * named with its file and line, never "Unexpected error", and nothing is lost. A story `translate` cannot
 * read is left for a translator and the others are translated (exit 1, issue 12 case 3); a hostile
 * XLIFF/TMX or an unusable output file stops the command (exit 2). Paths are shown as from the current folder.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, type TempWorkspace } from '../e2e/workspace.js';

const env = { LANG: 'C' };
let ws: TempWorkspace;
beforeEach(() => {
  ws = copyWorkspace();
});
afterEach(() => ws.remove());

const write = (relative: string, content: string | Buffer): string => {
  const file = path.join(ws.dir, relative);
  writeFileSync(file, content);
  return file;
};
const translate = (...args: string[]) => runCli(['translate', '--workspace', ws.dir, ...args], { env, cwd: ws.dir });
const setConfig = (extra: string): void =>
  void write('storyloc.config.yaml', `${ws.read('storyloc.config.yaml')}${extra}`);
/** The line `translate` prints for a story it leaves untouched (issue 12 case 3). */
const leftForTranslator = (position: string, reason: string): string =>
  `storyloc: ${position}: left for a translator, nothing of it written: ${reason}\n`;
/** The translated Markdown files of the workspace. */
const outputs = (): string[] => ws.files().filter((file) => file.startsWith('output/it/') && file.endsWith('.md'));

describe('case 1: deep nesting', () => {
  test('2,000 nested quotes: file and line, the depth limit and where to change it; the other stories translated, exit 1', async () => {
    write('articles/en/deep.md', `# Deep\n\n${'> '.repeat(2000)}deep\n`);
    const reason =
      'quotes and lists nest 2000 levels deep here, more than the limit of 100 (limits.maxNestingDepth in storyloc.config.yaml); the story was not read';
    const named = await translate('articles/en/deep.md');
    expect([named.code, named.stderr]).toEqual([1, leftForTranslator('articles/en/deep.md:3', reason)]);
    const all = await translate('--json');
    expect([all.code, all.stderr]).toEqual([1, leftForTranslator('articles/en/deep.md:3', reason)]);
    expect(outputs()).toEqual(['output/it/en/finale.md', 'output/it/en/set.md', 'output/it/ko/interview.md']);
  });

  test('lists 1,000 deep: refused at the line past the limit; a lower limit from the config is applied', async () => {
    const list = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    write('articles/en/deep.md', `# Deep\n\n${list(1000)}\n`);
    expect((await translate('articles/en/deep.md')).stderr).toBe(
      leftForTranslator(
        'articles/en/deep.md:103',
        'quotes and lists nest 101 levels deep here, more than the limit of 100 (limits.maxNestingDepth in storyloc.config.yaml); the story was not read',
      ),
    );
    write('articles/en/deep.md', `# Deep\n\n${list(6)}\n`);
    setConfig('limits:\n  maxNestingDepth: 5\n');
    const result = await translate('articles/en/deep.md');
    expect([result.code, result.stderr]).toEqual([
      1,
      leftForTranslator(
        'articles/en/deep.md:8',
        'quotes and lists nest 6 levels deep here, more than the limit of 5 (limits.maxNestingDepth in storyloc.config.yaml); the story was not read',
      ),
    ]);
  });
});

describe('case 2: block size', () => {
  test('the limit is configurable: a 20-character limit leaves the story for a translator, naming the key; 0 lifts it', async () => {
    setConfig('limits:\n  maxBlockChars: 20\n');
    const result = await translate('articles/en/set.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^storyloc: articles\/en\/set.md:\d+:\d+: left for a translator, nothing of it written: a single block of \d+ characters exceeds the limit of 20 \(limits.maxBlockChars in storyloc.config.yaml\); split it into paragraphs\n$/,
    );
    expect(outputs()).toEqual([]);
    write('storyloc.config.yaml', ws.read('storyloc.config.yaml').replace('maxBlockChars: 20', 'maxBlockChars: 0'));
    expect((await translate('articles/en/set.md')).code).toBe(0);
  });

  test('--help and translate --help name both limits and their config keys', async () => {
    for (const args of [['--help'], ['translate', '--help']]) {
      const help = await runCli(args, { env });
      expect(help.stdout).toContain('limits.maxBlockChars (default 1000000 characters)');
      expect(help.stdout).toContain('limits.maxNestingDepth (default 100 levels)');
    }
  });
});

describe('case 3: encodings', () => {
  test('UTF-16 with a byte order mark: "UTF-16 is not supported", not "binary"', async () => {
    write('articles/en/u16.md', Buffer.from('\ufeff# Title\n\nHello.\n', 'utf16le'));
    const result = await translate('articles/en/u16.md');
    expect([result.code, result.stderr]).toEqual([
      1,
      leftForTranslator(
        'articles/en/u16.md',
        'this file is UTF-16 text, which is not supported; save the file as UTF-8',
      ),
    ]);
    expect(outputs()).toEqual([]);
  });

  test('invalid UTF-8: the byte offset, line and column of the first bad byte', async () => {
    write(
      'articles/en/bad.md',
      Buffer.concat([Buffer.from('# Title\n\nabc '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    );
    const result = await translate('articles/en/bad.md');
    expect([result.code, result.stderr]).toEqual([
      1,
      leftForTranslator(
        'articles/en/bad.md:3:5',
        'this is not valid UTF-8 text (the first bad byte is at byte offset 13); save the file as UTF-8',
      ),
    ]);
  });
});

describe('case 8: a DOCTYPE in XLIFF or TMX', () => {
  const exportAs = async (format: string): Promise<string> => {
    expect((await translate('--json')).code).toBe(0);
    const exported = await runCli(['export', '--workspace', ws.dir, '--format', format, 'articles/en/set.md'], {
      env,
      cwd: ws.dir,
    });
    expect(exported.code).toBe(0);
    return exported.stdout;
  };
  const stateBytes = (): string => ws.read('output/it/en/set.md.state.json') + ws.read('output/it/en/set.md');

  test('an internal entity (billion laughs): refused naming the file and line, nothing imported', async () => {
    const exported = await exportAs('xliff');
    const dtd = '<!DOCTYPE xliff [\n<!ENTITY lol "lol">\n<!ENTITY lol9 "&lol;&lol;&lol;">\n]>\n';
    const hostile = exported.replace(/\?>\n/, `?>\n${dtd}`).replace(/(<target[^>]*>)[^<]*(<\/target>)/, '$1&lol9;$2');
    expect(hostile).toContain('&lol9;');
    const before = stateBytes();
    write('hostile.xlf', hostile);
    const result = await runCli(['import', '--workspace', ws.dir, 'hostile.xlf'], { env, cwd: ws.dir });
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'storyloc: error: hostile.xlf:2:1: The file hostile.xlf declares a DOCTYPE: XLIFF and TMX files never need one, and a DTD can define entities that expand or read other files, so storyloc refuses it. Remove the <!DOCTYPE …> declaration; nothing was imported.\n',
    ]);
    expect(stateBytes()).toBe(before);
  });

  test('an external entity (XXE) in XLIFF, a DOCTYPE in TMX, even the bare TMX 1.4 one: the same refusal', async () => {
    const xliff = await exportAs('xliff');
    const xxe = xliff
      .replace(/\?>\n/, '?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n')
      .replace(/(<target[^>]*>)[^<]*(<\/target>)/, '$1&xxe;$2');
    // storyloc's TMX carries no DOCTYPE; even TMX 1.4's own bare declaration is refused
    const standard = await exportAs('tmx');
    expect(standard).not.toContain('<!DOCTYPE');
    const bare = standard.replace(/\?>\n/, '?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n');
    const tmx = standard.replace(/\?>\n/, '?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd" [ <!ENTITY e "x"> ]>\n');
    const before = stateBytes();
    for (const [name, text] of [
      ['xxe.xlf', xxe],
      ['memory.tmx', tmx],
      ['bare.tmx', bare],
    ] as const) {
      write(name, text);
      const result = await runCli(['import', '--workspace', ws.dir, name], { env, cwd: ws.dir });
      expect([result.code, result.stderr]).toEqual([
        2,
        expect.stringMatching(new RegExp(`^storyloc: error: ${name}:2:1: The file ${name} declares a DOCTYPE: `)),
      ]);
    }
    expect(stateBytes()).toBe(before);
  });
});

describe('case 9: an output file that is empty or not text', () => {
  const OUTPUT = 'output/it/en/set.md';
  const cases: Array<[string, Buffer, string]> = [
    ['empty', Buffer.alloc(0), `:1:1: The translated file is empty (it was truncated or overwritten).`],
    [
      'binary (a PNG)',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      ':1:1: The translated file is not text (it holds a NUL byte or bytes that are not UTF-8)',
    ],
    [
      'not UTF-8 (Latin-1)',
      Buffer.from('# Il set\n\nCaff\xe8 e t\xe8.\n', 'latin1'),
      ':3:5: The translated file is not text',
    ],
  ];
  test.each(cases)(
    '%s: translate names the real cause and the file, keeps every segment state',
    async (_name, bytes, message) => {
      expect((await translate()).code).toBe(0);
      const state = ws.read(`${OUTPUT}.state.json`);
      write(OUTPUT, bytes);
      const result = await translate();
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`:\n  ${OUTPUT}${message}`);
      expect(result.stderr).not.toContain('front matter');
      expect(ws.read(`${OUTPUT}.state.json`)).toBe(state);
      const check = await runCli(['check', '--workspace', ws.dir], { env, cwd: ws.dir });
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(/the output file is (empty|not text)/);
      expect(check.stdout).not.toContain('front matter');
    },
  );
});

describe('case 3: Windows (CRLF) line endings stay CRLF byte for byte', () => {
  const story =
    '---\r\ntitle: The set\r\n---\r\n# Lights\r\n\r\nThe crew arrived at dawn.\r\nThey set up the lights.\r\n\r\n> A quote\r\n> on two lines.\r\n';

  test('translate writes a CRLF output; roundtrip is exact; a translator edit is read; the rerun sends nothing', async () => {
    write('articles/en/crlf.md', story);
    expect((await runCli(['roundtrip', '--verbose', 'articles/en/crlf.md'], { env, cwd: ws.dir })).stdout).toBe(
      'ok: articles/en/crlf.md (5 segments) comes back byte for byte\n1 of 1 files identical\n',
    );
    const first = await translate('articles/en/crlf.md', '--json');
    expect([first.code, first.stderr]).toEqual([0, '']);
    const output = ws.read('output/it/en/crlf.md');
    expect(output.split('\r\n')).toHaveLength(story.split('\r\n').length + 1); // + the `lang: it` line
    expect(output.replace(/\r\n/g, '')).not.toContain('\n');
    expect(output).toContain('\r\nlang: it\r\n---\r\n# ⟦Lí');
    // a translator edits a sentence in the CRLF output: an edit, kept, CRLF intact
    const edited = output.replace(/⟦Thé créw [^⟧]*⟧/, 'La troupe è arrivata all’alba.');
    expect(edited).not.toBe(output);
    write('output/it/en/crlf.md', edited);
    const rerun = await translate('articles/en/crlf.md', '--json');
    expect(JSON.parse(rerun.stdout)).toMatchObject({ sent: 0, human_edits: 1 });
    expect(ws.read('output/it/en/crlf.md')).toBe(edited);
  });

  test('mixed line endings: left for a translator with the line of the first odd one', async () => {
    write('articles/en/mixed.md', '# Title\r\n\r\nOne.\nTwo.\r\n');
    const result = await translate('articles/en/mixed.md');
    expect([result.code, result.stderr]).toEqual([
      1,
      leftForTranslator(
        'articles/en/mixed.md:3:5',
        'the file mixes line endings (or ends lines with a lone CR) from here on; save it with LF or with CRLF (Windows) line endings throughout',
      ),
    ]);
    expect(outputs()).toEqual([]);
  });
});
