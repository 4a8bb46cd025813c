/**
 * The CLI entry: global options, subcommand registry, and the one place that turns errors into
 * messages and exit codes (no stack trace unless --debug).
 */
import { Command, CommanderError, Option } from 'commander';
import { StorylocError, ExitCode, formatPosition } from '../errors.js';
import { detectUiLanguage, initI18n, t } from '../i18n/index.js';
import { commandModulesFor } from './commands/index.js';
import { createContext, type Output } from './context.js';
import { localizeCommander, localizeUsageError } from './help-i18n.js';

export interface MainOptions {
  stdout?: Output;
  stderr?: Output;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

function streamOutput(stream: NodeJS.WriteStream): Output {
  return { write: (text) => void stream.write(text), isTTY: Boolean(stream.isTTY) };
}

/** Pulls global flags out before commander runs, so errors in them are localised too. */
function peekFlag(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const stdout = options.stdout ?? streamOutput(process.stdout);
  const stderr = options.stderr ?? streamOutput(process.stderr);
  const env = options.env ?? process.env;
  const debug = argv.includes('--debug');
  initI18n(detectUiLanguage(peekFlag(argv, '--ui-lang'), env));

  let controller: AbortController | undefined;
  let signal = options.signal;
  const onSigint = (): void => controller?.abort();
  if (!signal) {
    controller = new AbortController();
    signal = controller.signal;
    process.once('SIGINT', onSigint);
  }

  let exitCode: number = ExitCode.ok;
  const ctx = createContext({
    stdout,
    stderr,
    cwd: options.cwd ?? process.cwd(),
    env,
    workspace: peekFlag(argv, '--workspace'),
    debug,
    signal,
  });

  const program = new Command('storyloc')
    .description(t('cli:description'))
    .addOption(new Option('--workspace <dir>', t('cli:option.workspace')))
    .addOption(new Option('--ui-lang <lang>', t('cli:option.uiLang')).choices(['en', 'it', 'ko']))
    .option('--debug', t('cli:option.debug'))
    .addHelpText('after', `\n${t('cli:exitCodes')}`)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
      outputError: (text, write) => write(localizeUsageError(text)),
    });
  localizeCommander(program);
  for (const register of await commandModulesFor(argv)) register(program, ctx, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.input;
    }
    return reportError(error, stderr, debug);
  } finally {
    if (controller) process.removeListener('SIGINT', onSigint);
  }
}

/** Prints an error for people: the position, the localised message; the stack only with --debug. */
export function reportError(error: unknown, stderr: Output, debug: boolean): number {
  if (error instanceof StorylocError) {
    const message = t(error.messageKey, error.params);
    const text = error.position ? t('common:error.at', { position: formatPosition(error.position), message }) : message;
    stderr.write(`storyloc: ${t('common:error.prefix')}: ${text}\n`);
    if (debug && error.stack) stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`storyloc: ${t('common:error.prefix')}: ${t('common:error.unexpected', { message })}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return ExitCode.input;
}
