/**
 * commander writes its own help headings and usage errors in English; these hooks put them through
 * i18next like every other message.
 */
import type { Command, Help, Option } from 'commander';
import { t, type MessageKey } from '../i18n/index.js';

const titles: Record<string, MessageKey> = {
  'Usage:': 'common:help.usage',
  'Options:': 'common:help.options',
  'Commands:': 'common:help.commands',
  'Arguments:': 'common:help.arguments',
  'Global Options:': 'common:help.globalOptions',
};

/** Help texts: translated titles, and "(choices: …, default: …)" in the UI language. */
export function localizedHelp(): Partial<Help> {
  return {
    styleTitle: (title: string) => (titles[title] ? t(titles[title]) : title),
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t('common:help.choices', { choices: option.argChoices.join(', ') }));
      if (option.defaultValue !== undefined && !option.negate) {
        extra.push(t('common:help.default', { value: option.defaultValueDescription ?? String(option.defaultValue) }));
      }
      return extra.length > 0 ? `${option.description} (${extra.join('; ')})` : option.description;
    },
  };
}

const errorPatterns: Array<[RegExp, MessageKey, (match: RegExpExecArray) => Record<string, string>]> = [
  [/^error: unknown option '(.+?)'/, 'common:usage.unknownOption', (m) => ({ option: m[1]! })],
  [/^error: unknown command '(.+?)'/, 'common:usage.unknownCommand', (m) => ({ command: m[1]! })],
  [/^error: missing required argument '(.+?)'/, 'common:usage.missingArgument', (m) => ({ argument: m[1]! })],
  [/^error: option '(.+?)' argument missing/, 'common:usage.optionArgumentMissing', (m) => ({ option: m[1]! })],
  [
    /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\./,
    'common:usage.invalidChoice',
    (m) => ({ option: m[1]!, value: m[2]!, choices: m[3]! }),
  ],
  [/^error: too many arguments/, 'common:usage.tooManyArguments', () => ({})],
];

/** A commander usage error in the UI language, in storyloc's `storyloc: error: …` form. */
export function localizeUsageError(text: string): string {
  for (const [pattern, key, params] of errorPatterns) {
    const match = pattern.exec(text);
    if (match) {
      // keep commander's "(Did you mean …?)" suggestion, which names options and commands
      const suggestion = /\(Did you mean (.+?)\?\)/.exec(text);
      const hint = suggestion ? ` ${t('common:usage.didYouMean', { suggestion: suggestion[1]! })}` : '';
      return `storyloc: ${t('common:error.prefix')}: ${t(key, params(match))}${hint}\n`;
    }
  }
  return text;
}

/** Applies the hooks to a command (subcommands created later inherit them). */
export function localizeCommander(program: Command): Command {
  return program
    .configureHelp(localizedHelp())
    .helpOption('-h, --help', t('common:help.helpOption'))
    .helpCommand('help [command]', t('common:help.helpCommand'));
}
