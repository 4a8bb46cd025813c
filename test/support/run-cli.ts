/** Runs the CLI in-process with captured output (fast; the compiled binary is tested separately). */
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text) => void (stdout += text), isTTY: false },
    stderr: { write: (text) => void (stderr += text), isTTY: false },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    signal: options.signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}
