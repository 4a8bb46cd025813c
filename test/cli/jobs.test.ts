/**
 * `--jobs N` of `check` and `roundtrip` (issue 13): one parser and one error (`cli.badJobs`, exit 2)
 * for both commands, raised before any file is read, in every UI language; a whole number from 1 to 64
 * (spaces around it allowed) is taken.
 */
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../support/run-cli.js';
import { parseJobs } from '../../src/cli/jobs.js';
import { StorylocError } from '../../src/errors.js';

const cwd = process.cwd();

describe('--jobs', () => {
  test.each(['check', 'roundtrip'])(
    '%s: anything but a whole number from 1 to 64 is a usage error',
    async (command) => {
      const args = command === 'roundtrip' ? ['no-such-file.md'] : [];
      for (const value of ['0', '65', 'two', '1.5', '-1', '0x10', '1e1', '']) {
        expect(await runCli([command, '--jobs', value, ...args], { cwd })).toEqual({
          code: 2,
          stdout: '',
          stderr: `storyloc: error: --jobs must be a whole number from 1 to 64, not “${value}”\n`,
        });
      }
    },
  );

  test('the message in Italian and Korean', async () => {
    const messages = {
      it: 'storyloc: errore: --jobs deve essere un numero intero da 1 a 64, non “0”\n',
      ko: '--jobs는 1에서 64 사이의 정수여야 합니다(“0”은(는) 안 됨)\n',
    };
    for (const [lang, message] of Object.entries(messages)) {
      const result = await runCli(['--ui-lang', lang, 'roundtrip', '--jobs', '0', 'a.md'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr.endsWith(message)).toBe(true);
    }
  });

  test('absent: auto; a whole number from 1 to 64: that number; else the code cli.badJobs', () => {
    expect([undefined, '1', ' 2 ', '64'].map(parseJobs)).toEqual(['auto', 1, 2, 64]);
    let error: unknown;
    try {
      parseJobs('65');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(StorylocError);
    expect([(error as StorylocError).code, (error as StorylocError).exitCode]).toEqual(['cli.badJobs', 2]);
  });
});
