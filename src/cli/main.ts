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
import { storylocVersion } from '../package-info.js';
import { displayPathsIn, displayPosition, type DisplayPathBase } from '../display-path.js';
import { findWorkspace } from '../config/load.js';
import path from 'node:path';
import { DEFAULT_ARTICLE_LIMITS } from '../config/load.js';
import { exitCodeAfterSignal, watchStopSignals, type StopSignalWatch } from './stop-signals.js';

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

  let signal = options.signal;
  let stopSignals: StopSignalWatch | undefined;
  if (!signal) {
    const controller = new AbortController();
    signal = controller.signal;
    stopSignals = watchStopSignals(controller);
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
    stopSignal: () => stopSignals?.received ?? null,
  });

  const program = new Command('storyloc')
    .description(t('cli:description'))
    .version(storylocVersion(), '-V, --version', t('setup:version'))
    .addOption(new Option('--workspace <dir>', t('cli:option.workspace')))
    .addOption(new Option('--ui-lang <lang>', t('cli:option.uiLang')).choices(['en', 'it', 'ko']))
    .option('--debug', t('cli:option.debug'))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
      outputError: (text, write) => write(localizeUsageError(text)),
    });
  program.addHelpText('after', t('cli:helpLimits', { ...DEFAULT_ARTICLE_LIMITS }));
  localizeCommander(program);
  for (const register of await commandModulesFor(argv)) register(program, ctx, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodeAfterSignal(exitCode, stopSignals?.received ?? null);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.input;
    }
    const cwd = options.cwd ?? process.cwd();
    const given = peekFlag(argv, '--workspace');
    const workspaceDir = given !== undefined ? path.resolve(cwd, given) : (findWorkspace(cwd) ?? undefined);
    return reportError(error, stderr, debug, { cwd, workspaceDir });
  } finally {
    stopSignals?.dispose();
  }
}

/** Prints an error for people: the position, the localised message; the stack only with --debug. */
export function reportError(error: unknown, stderr: Output, debug: boolean, paths?: DisplayPathBase): number {
  if (error instanceof StorylocError) {
    const message = t(error.messageKey, paths ? displayPathsIn(error.params, paths) : error.params);
    // the file as the user would type it from where they are (see display-path.ts)
    const position =
      error.position && (paths ? displayPosition(error.position, paths) : formatPosition(error.position));
    const text = position ? t('common:error.at', { position, message }) : message;
    stderr.write(`storyloc: ${t('common:error.prefix')}: ${text}\n`);
    if (debug && error.stack) stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`storyloc: ${t('common:error.prefix')}: ${t('common:error.unexpected', { message })}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return ExitCode.input;
}
