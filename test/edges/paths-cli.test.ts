/**
 * The file system at the edges (issue 16, cases 6 and 7), through the CLI on temporary workspaces:
 * symbolic links that leave the workspace are refused naming the link (unless the config allows them): a linked
 * output folder, .storyloc or glossary stops the run before any work (exit 2); a linked article is one article
 * left for a translator, the others translated (exit 1). Paths are shown relative to the current folder.
 * folders that are not configured source languages, hidden stories and linked folders are reported
 * once, the same rule whether a story is named or found, never guessed.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, type TempWorkspace } from '../e2e/workspace.js';

const env = { LANG: 'C' };
let ws: TempWorkspace;
let outside: string;
beforeEach(() => {
  ws = copyWorkspace();
  outside = mkdtempSync(path.join(os.tmpdir(), 'storyloc-outside-'));
});
afterEach(() => {
  ws.remove();
  rmSync(outside, { recursive: true, force: true });
});

const at = (relative: string): string => path.join(ws.dir, relative);
const write = (relative: string, content: string): string => {
  mkdirSync(path.dirname(at(relative)), { recursive: true });
  writeFileSync(at(relative), content);
  return at(relative);
};
const run = (...args: string[]) => runCli([args[0]!, '--workspace', ws.dir, ...args.slice(1)], { env, cwd: ws.dir });
const LINK_REASON = (target: string): string =>
  `a symbolic link to ${target}, outside the workspace: storyloc does not read or write outside the workspace through a link. ` +
  'Replace the link with the folder or file itself, or set paths.allowSymlinksOutside: true in storyloc.config.yaml';
/** A workspace-level refusal: the link shown as from the workspace folder (the tests' cwd). */
const refusal = (link: string, target: string): string => `storyloc: error: ${link}: ${LINK_REASON(target)}\n`;

describe('case 6: symbolic links that leave the workspace', () => {
  test('a linked output/it/en: translate and check refuse it naming the link; nothing is written outside', async () => {
    mkdirSync(at('output/it'), { recursive: true });
    symlinkSync(outside, at('output/it/en'));
    const result = await run('translate');
    expect([result.code, result.stderr]).toEqual([2, refusal('output/it/en', outside)]);
    expect(readdirSync(outside)).toEqual([]);
    const check = await run('check');
    expect([check.code, check.stderr]).toEqual([2, refusal('output/it/en', outside)]);
  });

  test('an article linked to a file outside: left for a translator when named and when found, the others translated', async () => {
    const secret = path.join(outside, 'secret.md');
    writeFileSync(secret, '# Secret\n\nNot for this workspace.\n');
    symlinkSync(secret, at('articles/en/linked.md'));
    const skipped = `storyloc: articles/en/linked.md: left for a translator, nothing of it written: ${LINK_REASON(secret)}\n`;
    for (const args of [
      ['translate', 'articles/en/linked.md'],
      ['translate', '--json'],
    ]) {
      const result = await run(...args);
      expect([result.code, result.stderr]).toEqual([1, skipped]);
    }
    expect(existsSync(at('output/it/en/linked.md'))).toBe(false);
    expect(
      readdirSync(at('output/it/en'))
        .filter((name) => name.endsWith('.md'))
        .sort(),
    ).toEqual(['finale.md', 'set.md']);
  });

  test('a linked .storyloc (lock, caches, snapshots): every workspace command refuses it before any work', async () => {
    symlinkSync(outside, at('.storyloc'));
    for (const command of ['translate', 'status', 'check', 'review']) {
      const result = await run(command);
      expect([command, result.code, result.stderr]).toEqual([command, 2, refusal('.storyloc', outside)]);
    }
    expect(readdirSync(outside)).toEqual([]);
  });

  test('a glossary file linked from outside: refused naming the link', async () => {
    const shared = path.join(outside, 'shared-terms.yaml');
    writeFileSync(shared, ws.read('glossary/terms.yaml'));
    symlinkSync(shared, at('glossary/shared.yaml'));
    const result = await run('translate');
    expect([result.code, result.stderr]).toEqual([2, refusal('glossary/shared.yaml', shared)]);
  });

  test('paths.allowSymlinksOutside: true lets both links through', async () => {
    const secret = path.join(outside, 'story.md');
    writeFileSync(secret, '# Elsewhere\n\nA story kept elsewhere.\n');
    symlinkSync(secret, at('articles/en/linked.md'));
    const outputs = mkdtempSync(path.join(os.tmpdir(), 'storyloc-outputs-'));
    try {
      mkdirSync(at('output/it'), { recursive: true });
      symlinkSync(outputs, at('output/it/en'));
      write('storyloc.config.yaml', `${ws.read('storyloc.config.yaml')}paths:\n  allowSymlinksOutside: true\n`);
      const result = await run('translate', '--json');
      expect([result.code, result.stderr]).toEqual([0, '']);
      expect(
        readdirSync(outputs)
          .filter((name) => name.endsWith('.md'))
          .sort(),
      ).toEqual(['finale.md', 'linked.md', 'set.md']);
    } finally {
      rmSync(outputs, { recursive: true, force: true });
    }
  });

  test('a link that stays inside the workspace is read like any story, when found too', async () => {
    write('drafts/inside.md', '# Inside\n\nA linked story that stays home.\n');
    symlinkSync(at('drafts/inside.md'), at('articles/en/inside.md'));
    const result = await run('translate', '--json');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(ws.read('output/it/en/inside.md')).toContain('# ');
  });
});

describe("the config file, glossary edits and storyloc's own files: the same rule for links that leave", () => {
  const CONFIG_REASON = (target: string): string =>
    `a symbolic link to ${target}, outside the workspace: the workspace's config file is never read through a link that leaves it ` +
    '(paths.allowSymlinksOutside cannot allow the file that sets it). Replace the link with a copy of the file';

  test('a storyloc.config.yaml linked outside: every command refuses it before reading it, nothing written', async () => {
    const shared = path.join(outside, 'shared.config.yaml');
    // the outside file even says links are fine: it is not read, so it cannot allow itself
    writeFileSync(shared, `${ws.read('storyloc.config.yaml')}paths:\n  allowSymlinksOutside: true\n`);
    rmSync(at('storyloc.config.yaml'));
    symlinkSync(shared, at('storyloc.config.yaml'));
    const before = ws.files();
    for (const args of [['translate'], ['status'], ['check'], ['glossary', 'lint'], ['review']]) {
      const result = await runCli([...args, '--workspace', ws.dir], { env, cwd: ws.dir });
      expect([args, result.code, result.stderr]).toEqual([
        args,
        2,
        `storyloc: error: storyloc.config.yaml: ${CONFIG_REASON(shared)}\n`,
      ]);
    }
    // doctor reports it as its config finding (exit 1, README "doctor"), the same reason
    const doctor = await runCli(['doctor', '--workspace', ws.dir], { env, cwd: ws.dir });
    expect([doctor.code, doctor.stderr]).toEqual([1, '']);
    expect(doctor.stdout).toContain(
      `  ✗ config: storyloc.config.yaml: ${CONFIG_REASON(shared)}\n` +
        '      fix: replace the link with the file or folder itself (storyloc reads nothing outside the workspace through a link)\n',
    );
    expect(doctor.stdout).toContain('No valid workspace config: no engine can run.');
    // found from the current folder upwards too
    const found = await runCli(['status'], { env, cwd: at('articles/en') });
    expect([found.code, found.stderr]).toEqual([
      2,
      `storyloc: error: ../../storyloc.config.yaml: ${CONFIG_REASON(shared)}\n`,
    ]);
    expect(ws.files()).toEqual(before);
    expect(readdirSync(outside)).toEqual(['shared.config.yaml']);
  });

  test('a storyloc.config.yaml linked to a file inside the workspace is read like the file', async () => {
    write('settings/storyloc.yaml', ws.read('storyloc.config.yaml'));
    rmSync(at('storyloc.config.yaml'));
    symlinkSync(at('settings/storyloc.yaml'), at('storyloc.config.yaml'));
    const result = await run('translate', '--json');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toMatchObject({ articles: 3 });
  });

  test('glossary add: a glossary file linked outside is refused, neither it nor the link changed', async () => {
    const shared = path.join(outside, 'shared-terms.yaml');
    const text = ws.read('glossary/terms.yaml');
    writeFileSync(shared, text);
    rmSync(at('glossary/terms.yaml'));
    symlinkSync(shared, at('glossary/terms.yaml'));
    const result = await run(
      'glossary',
      'add',
      '--id',
      'zebra',
      '--type',
      'term',
      '--form',
      'en=Zebra',
      '--form',
      'it=Zebra',
    );
    expect([result.code, result.stderr]).toEqual([2, refusal('glossary/terms.yaml', shared)]);
    expect(readFileSync(shared, 'utf8')).toBe(text);
    expect(lstatSync(at('glossary/terms.yaml')).isSymbolicLink()).toBe(true);
    expect(existsSync(at('glossary/term.yaml'))).toBe(false);
  });

  test('a glossary parse-cache file linked outside: refused naming it, never read in place of the glossary', async () => {
    expect((await run('translate', '--json')).code).toBe(0);
    const cacheDir = at('.storyloc/cache/glossary');
    const [cacheName] = readdirSync(cacheDir).filter((name) => name.endsWith('.json'));
    const planted = path.join(outside, 'planted.json');
    writeFileSync(planted, readFileSync(path.join(cacheDir, cacheName!)));
    rmSync(path.join(cacheDir, cacheName!));
    symlinkSync(planted, path.join(cacheDir, cacheName!));
    for (const command of ['translate', 'check', 'glossary']) {
      const result = await run(...(command === 'glossary' ? ['glossary', 'lint'] : [command]));
      expect([command, result.code, result.stderr]).toEqual([
        command,
        2,
        refusal(`.storyloc/cache/glossary/${cacheName}`, planted),
      ]);
    }
  });

  test.each([['.storyloc/cache/state-index.json'], ['.storyloc/journal/answers.ndjson'], ['.storyloc/sources']])(
    '%s linked outside: refused naming it before any work',
    async (relative) => {
      const planted = path.join(outside, 'planted');
      writeFileSync(planted, '{}\n');
      mkdirSync(path.dirname(at(relative)), { recursive: true });
      symlinkSync(planted, at(relative));
      for (const command of ['translate', 'status']) {
        const result = await run(command);
        expect([command, result.code, result.stderr]).toEqual([command, 2, refusal(relative, planted)]);
      }
      // doctor names it as its config finding (exit 1), reading nothing through it
      const doctor = await run('doctor');
      expect([doctor.code, doctor.stdout.split('\n')[2]]).toEqual([
        1,
        `  ✗ config: ${relative}: ${LINK_REASON(planted)}`,
      ]);
      expect(existsSync(at('output'))).toBe(false);
      expect(readFileSync(planted, 'utf8')).toBe('{}\n');
    },
  );
});

describe('case 7: folders that are not source languages, hidden stories', () => {
  const story = '---\nlang: en\n---\n# A story\n\nSome text.\n';

  test('a full run reports each unknown folder once, with the configured languages, and translates the rest', async () => {
    write('articles/xx/x.md', story);
    write('articles/xx/y.md', story);
    write('articles/fr/z.md', story);
    write('articles/images/.gitkeep', '');
    const result = await run('translate', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'storyloc: articles/fr: warning: not translated: not a configured source language folder (sourceLanguages: en, ko); 1 stories left out\n' +
        'storyloc: articles/xx: warning: not translated: not a configured source language folder (sourceLanguages: en, ko); 2 stories left out\n',
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ articles: 3 });
    expect(existsSync(at('output/it/xx'))).toBe(false);
    expect(existsSync(at('output/it/fr'))).toBe(false);
    // status and a whole-workspace check list the same stories and say the same
    for (const command of ['status', 'check']) expect((await run(command)).stderr).toBe(result.stderr);
  });

  test.each([['articles/xx/x.md'], ['articles/fr/z.md'], ['articles/xx']])(
    'named %s: the same rule, an error naming the folder and languages',
    async (named) => {
      write('articles/xx/x.md', story);
      write('articles/fr/z.md', story);
      const folder = named.split('/').slice(0, 2).join('/');
      const result = await run('translate', named);
      expect([result.code, result.stderr]).toEqual([
        2,
        `storyloc: error: ${named}: ${folder} is not a configured source language folder (sourceLanguages: en, ko); put the story under articles/<language>/ or add the language to sourceLanguages\n`,
      ]);
      expect(existsSync(at('output/it'))).toBe(false);
    },
  );

  test('hidden stories and linked folders: reported when found, refused when named', async () => {
    write('articles/en/.draft.md', story);
    write('articles/en/.DS_Store', 'binary junk');
    write('elsewhere/more.md', story);
    symlinkSync(at('elsewhere'), at('articles/en/more'));
    const found = await run('translate', '--json');
    expect(found.code).toBe(0);
    expect(found.stderr).toBe(
      'storyloc: articles/en/.draft.md: warning: not translated: a hidden file (the name starts with a dot)\n' +
        'storyloc: articles/en/more: warning: not translated: a symbolic link to a folder (links to folders are not followed; name the stories in it, or replace the link with the folder)\n',
    );
    const named = await run('translate', 'articles/en/.draft.md');
    expect([named.code, named.stderr]).toEqual([
      2,
      'storyloc: error: articles/en/.draft.md: hidden files are not stories (the name starts with a dot); rename it to translate it\n',
    ]);
  });
});
