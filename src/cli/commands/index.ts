/**
 * Every subcommand, in the order `storyloc --help` lists them. One thin file per command, loaded on
 * demand: a run of one command imports that command's modules only, which keeps start-up small; help
 * and unknown commands load them all. (`status` still imports the Markdown parser and the glossary
 * automaton's module through the listing in articles/read.ts and review/workspace.ts → check/workspace.ts,
 * though it runs neither on unchanged sources: about 5% of its instructions, left for a later split.)
 */
import type { CommandModule } from '../context.js';

type Loader = () => Promise<CommandModule>;

export const commandLoaders: ReadonlyArray<readonly [name: string, load: Loader]> = [
  ['init', async () => (await import('./init.js')).initCommand],
  ['doctor', async () => (await import('./doctor.js')).doctorCommand],
  ['segment', async () => (await import('./segment.js')).segmentCommand],
  ['roundtrip', async () => (await import('./roundtrip.js')).roundtripCommand],
  ['translate', async () => (await import('./translate.js')).translateCommand],
  ['export', async () => (await import('./export.js')).exportCommand],
  ['import', async () => (await import('./import.js')).importCommand],
  ['review', async () => (await import('./review.js')).reviewCommand],
  ['status', async () => (await import('./status.js')).statusCommand],
  ['approve', async () => (await import('./approve.js')).approveCommand],
  ['reject', async () => (await import('./reject.js')).rejectCommand],
  ['glossary', async () => (await import('./glossary.js')).glossaryCommand],
  ['check', async () => (await import('./check.js')).checkCommand],
];

/** Global options that take a value (their value is not the command name). */
const globalOptionsWithValue = new Set(['--workspace', '--ui-lang']);

/** The subcommand `argv` names: its first word that is not an option or a global option's value. */
export function commandNameOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (globalOptionsWithValue.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The command modules to register for `argv`: the named command's only, else all (help, errors). */
export async function commandModulesFor(argv: readonly string[]): Promise<CommandModule[]> {
  const name = commandNameOf(argv);
  const named = commandLoaders.find(([command]) => command === name);
  if (named && !argv.includes('--help') && !argv.includes('-h')) return [await named[1]()];
  // one after the other: jest's ESM loader fails on concurrent imports of shared modules
  const modules: CommandModule[] = [];
  for (const [, load] of commandLoaders) modules.push(await load());
  return modules;
}
