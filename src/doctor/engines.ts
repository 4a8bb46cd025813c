/**
 * Which engines can run in a workspace, and why not: Apertium (installed, and with modes for every
 * configured pair), DeepL (a key in the configured variable, the server reachable, its usage and
 * limit through deepl-node's `/v2/usage`). The key is never put in a message: errors go through the
 * DeepL engine's redaction.
 */
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import { createApertiumEngine } from '../engines/apertium.js';
import { createDeepLClient, toEngineError } from '../engines/deepl.js';
import { deeplAuthKey, isCommandOnPath } from '../engines/select.js';
import { pairKey, type LanguagePair } from '../languages.js';
import type { DoctorFinding } from './types.js';

export interface EngineCheck {
  finding: DoctorFinding;
  /** it can translate at least one configured pair here */
  canRun: boolean;
  /** the configured pairs it can translate here */
  pairs: readonly LanguagePair[];
}

export interface DeepLUsage {
  characterCount: number;
  /** null when DeepL reports no limit */
  characterLimit: number | null;
}

function arrow(pairs: readonly LanguagePair[]): string {
  return pairs.map((pair) => `${pair.source}→${pair.target}`).join(', ');
}

/**
 * Apertium runs when the command is installed and has modes for a configured pair: all of them, ok; some
 * (Debian has no Korean), a warning naming the others; none, a failure.
 */
export async function checkApertium(
  config: ResolvedConfig,
  pairs: readonly LanguagePair[],
  env: NodeJS.ProcessEnv,
): Promise<EngineCheck> {
  const command = config.engine.apertium.command;
  if (!isCommandOnPath(command, env)) {
    return {
      canRun: false,
      pairs: [],
      finding: {
        id: 'engine.apertium',
        status: 'fail',
        message: { key: 'setup:doctor.apertium.missing', params: { command } },
        fix: { key: 'setup:doctor.apertium.installFix', params: {} },
      },
    };
  }
  const engine = createApertiumEngine({ command });
  const missing: LanguagePair[] = [];
  for (const pair of pairs) {
    try {
      await engine.checkPairs!([pair]);
    } catch (error) {
      if (!(error instanceof StorylocError)) throw error;
      missing.push(pair);
    }
  }
  if (missing.length === 0)
    return {
      canRun: true,
      pairs,
      finding: {
        id: 'engine.apertium',
        status: 'ok',
        message: { key: 'setup:doctor.apertium.ok', params: { pairs: arrow(pairs) } },
      },
    };
  const usable = pairs.filter((pair) => !missing.includes(pair));
  return {
    canRun: usable.length > 0,
    pairs: usable,
    finding: {
      id: 'engine.apertium',
      status: usable.length > 0 ? 'warn' : 'fail',
      message: { key: 'setup:doctor.apertium.noModes', params: { pairs: arrow(missing), count: missing.length } },
      fix: { key: 'setup:doctor.apertium.modesFix', params: { pairs: missing.map(pairKey).join(', ') } },
    },
  };
}

/** DeepL runs when the key is set and the server answers `/v2/usage` with it; it then translates every pair. */
export async function checkDeepL(
  config: ResolvedConfig,
  pairs: readonly LanguagePair[],
  env: NodeJS.ProcessEnv,
): Promise<EngineCheck & { usage: DeepLUsage | null }> {
  const { authKeyEnv, serverUrl, timeoutMs } = config.engine.deepl;
  const key = deeplAuthKey(config, env);
  if (key === null) {
    return {
      canRun: false,
      pairs: [],
      usage: null,
      finding: {
        id: 'engine.deepl',
        status: 'fail',
        message: { key: 'setup:doctor.deepl.noKey', params: { env: authKeyEnv } },
        fix: { key: 'setup:doctor.deepl.keyFix', params: { env: authKeyEnv } },
      },
    };
  }
  const server = serverUrl ?? 'DeepL';
  try {
    const answer = await createDeepLClient({ authKey: key, serverUrl, timeoutMs, authKeyEnv }).getUsage();
    const usage: DeepLUsage = {
      characterCount: answer.character?.count ?? 0,
      characterLimit: answer.character?.limit ?? null,
    };
    const exhausted = usage.characterLimit !== null && usage.characterCount >= usage.characterLimit;
    const params = {
      env: authKeyEnv,
      server,
      count: usage.characterCount.toLocaleString('en-US'),
      limit: usage.characterLimit?.toLocaleString('en-US') ?? '∞',
    };
    if (exhausted) {
      return {
        canRun: false,
        pairs: [],
        usage,
        finding: {
          id: 'engine.deepl',
          status: 'fail',
          message: { key: 'setup:doctor.deepl.exhausted', params },
          fix: { key: 'setup:doctor.deepl.exhaustedFix', params: {} },
        },
      };
    }
    return {
      canRun: true,
      pairs,
      usage,
      finding: { id: 'engine.deepl', status: 'ok', message: { key: 'setup:doctor.deepl.ok', params } },
    };
  } catch (error) {
    const engineError = toEngineError(error, [key], authKeyEnv);
    const fixKey = engineError.kind === 'auth' ? 'setup:doctor.deepl.authFix' : 'setup:doctor.deepl.networkFix';
    return {
      canRun: false,
      pairs: [],
      usage: null,
      finding: {
        id: 'engine.deepl',
        status: 'fail',
        message: { key: 'setup:doctor.deepl.unreachable', params: { server, detail: engineError.message } },
        fix: { key: fixKey, params: { env: authKeyEnv, server } },
      },
    };
  }
}
