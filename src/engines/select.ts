/**
 * Which engine runs, and why (the run summary prints the reason): `--engine` wins, then
 * `engine.default` from the config, else automatic: DeepL when a key is set, else Apertium when
 * installed, else `none` (segments left for a translator). `createEngine` builds the chosen one.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { EngineName, ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import { createApertiumEngine } from './apertium.js';
import { createDeepLEngine } from './deepl.js';
import { createNoneEngine } from './none.js';
import { createPseudoEngine } from './pseudo.js';
import type { Engine } from './types.js';
import type { MessageKey } from '../i18n/catalogs.js';

export const engineNames: readonly EngineName[] = ['deepl', 'apertium', 'pseudo', 'none'];

export function isEngineName(name: string): name is EngineName {
  return (engineNames as readonly string[]).includes(name);
}

export interface EngineChoice {
  name: EngineName;
  /** i18n key (`engines:reason.*`) and its parameters, for the run summary */
  reason: { key: MessageKey; params: Record<string, unknown> };
}

export interface SelectEngineOptions {
  /** `--engine` as typed by the user */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** is the Apertium command installed? Injected by tests; default: looked up on PATH */
  isApertiumInstalled?: (command: string) => boolean;
  /** a dry run: DeepL is never contacted, so it may be chosen without a key */
  planOnly?: boolean;
}

/** True when `command` is an executable file: as a path, or found in one of PATH's folders. */
export function isCommandOnPath(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const executable = (file: string): boolean => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (command.includes('/')) return executable(command);
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && executable(path.join(dir, command)));
}

/** The DeepL key from the environment variable the config names, or null when unset or blank. */
export function deeplAuthKey(config: ResolvedConfig, env: NodeJS.ProcessEnv): string | null {
  const key = env[config.engine.deepl.authKeyEnv];
  return key !== undefined && key.trim() !== '' ? key.trim() : null;
}

/** Chooses the engine; throws StorylocError (exit 2) for an unknown name or an engine that cannot run. */
export function selectEngine(config: ResolvedConfig, options: SelectEngineOptions): EngineChoice {
  const env = config.engine.deepl.authKeyEnv;
  const apertiumCommand = config.engine.apertium.command;
  const apertiumInstalled = (): boolean =>
    (options.isApertiumInstalled ?? ((command) => isCommandOnPath(command, options.env)))(apertiumCommand);
  const hasKey = deeplAuthKey(config, options.env) !== null;

  const explicit = (name: EngineName, reason: EngineChoice['reason']): EngineChoice => {
    if (name === 'deepl' && !hasKey && options.planOnly !== true)
      throw new StorylocError('engine.deepl.missingKey', 'engines:deepl.missingKey', { env });
    if (name === 'apertium' && !apertiumInstalled()) {
      throw new StorylocError('engine.apertium.notInstalled', 'engines:apertium.notInstalled', {
        command: apertiumCommand,
      });
    }
    return { name, reason };
  };

  if (options.flag !== undefined) {
    if (!isEngineName(options.flag)) {
      throw new StorylocError('engine.unknown', 'engines:select.unknown', {
        name: options.flag,
        expected: engineNames.join(', '),
      });
    }
    return explicit(options.flag, { key: 'engines:reason.flag', params: {} });
  }
  if (config.engine.default !== 'auto') {
    return explicit(config.engine.default, {
      key: 'engines:reason.config',
      params: { file: config.configFile ?? 'storyloc.config.yaml' },
    });
  }
  if (hasKey) return { name: 'deepl', reason: { key: 'engines:reason.key', params: { env } } };
  if (apertiumInstalled()) return { name: 'apertium', reason: { key: 'engines:reason.apertium', params: { env } } };
  return { name: 'none', reason: { key: 'engines:reason.none', params: { env } } };
}

export interface CreateEngineOptions {
  /** DeepL glossary id per pair key (`en-it`), from the glossary sync */
  glossaryIds?: Record<string, string>;
}

/** Builds the engine `name` from the config (the DeepL key comes from `env`, never from files). */
export function createEngine(
  name: EngineName,
  config: ResolvedConfig,
  env: NodeJS.ProcessEnv,
  options: CreateEngineOptions = {},
): Engine {
  switch (name) {
    case 'deepl': {
      const deepl = config.engine.deepl;
      const authKey = deeplAuthKey(config, env);
      if (authKey === null)
        throw new StorylocError('engine.deepl.missingKey', 'engines:deepl.missingKey', { env: deepl.authKeyEnv });
      return createDeepLEngine({
        authKey,
        authKeyEnv: deepl.authKeyEnv,
        serverUrl: deepl.serverUrl,
        timeoutMs: deepl.timeoutMs,
        formality: deepl.formality,
        sendContext: deepl.sendContext,
        ...(options.glossaryIds ? { glossaryIds: options.glossaryIds } : {}),
      });
    }
    case 'apertium':
      return createApertiumEngine({ command: config.engine.apertium.command });
    case 'pseudo':
      return createPseudoEngine();
    case 'none':
      return createNoneEngine();
  }
}
