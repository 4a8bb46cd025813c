/**
 * Are the DeepL glossaries in step with the termbase? A dry run of `glossary sync`: against DeepL when
 * it is reachable, else from the recorded sync state alone. Nothing is changed on DeepL or on disk.
 */
import type { ResolvedConfig } from '../config/types.js';
import { createDeepLClient, toEngineError } from '../engines/deepl.js';
import { deeplAuthKey } from '../engines/select.js';
import {
  buildDictionaries,
  configuredPairs,
  glossaryNameFor,
  readSyncState,
  syncDeepLGlossaries,
  syncStatePath,
} from '../glossary/deepl-sync.js';
import { hasErrors } from '../glossary/lint.js';
import type { CheckedTermbase } from '../glossary/workspace.js';
import { displayPath } from '../display-path.js';
import type { DoctorFinding } from './types.js';

export async function checkDeepLGlossaries(
  config: ResolvedConfig,
  checked: CheckedTermbase,
  env: NodeJS.ProcessEnv,
  deeplReachable: boolean,
  cwd: string,
): Promise<DoctorFinding> {
  const statePath = syncStatePath(config);
  const recorded = readSyncState(statePath);
  const wanted = buildDictionaries(checked.termbase, configuredPairs(config));
  const key = deeplAuthKey(config, env);
  const id = 'deepl-glossaries';
  if (key === null && recorded === null)
    return {
      id,
      status: 'skip',
      message: { key: 'setup:doctor.deeplGlossaries.unused', params: { env: config.engine.deepl.authKeyEnv } },
    };
  if (hasErrors(checked.problems))
    return { id, status: 'skip', message: { key: 'setup:doctor.deeplGlossaries.lintFirst', params: {} } };
  const client =
    key !== null && deeplReachable
      ? createDeepLClient({
          authKey: key,
          serverUrl: config.engine.deepl.serverUrl,
          timeoutMs: config.engine.deepl.timeoutMs,
          authKeyEnv: config.engine.deepl.authKeyEnv,
        })
      : null;
  let plan: Awaited<ReturnType<typeof syncDeepLGlossaries>>;
  try {
    const pairs = configuredPairs(config);
    plan = await syncDeepLGlossaries({
      termbase: checked.termbase,
      pairs,
      client,
      statePath,
      name: glossaryNameFor(config),
      dryRun: true,
    });
  } catch (error) {
    // a glossary listing that fails after /v2/usage answered: reported, the key redacted
    const detail = toEngineError(error, key === null ? [] : [key], config.engine.deepl.authKeyEnv).message;
    return { id, status: 'warn', message: { key: 'setup:doctor.deeplGlossaries.failed', params: { detail } } };
  }
  const changes = plan.actions.filter((action) => action.kind !== 'keepDictionary').length;
  const params = {
    changes,
    dictionaries: wanted.length,
    file: displayPath(statePath, { cwd, workspaceDir: config.workspaceDir }),
    checked: plan.remoteChecked,
  };
  const where = plan.remoteChecked ? 'Remote' : 'Recorded';
  if (changes === 0)
    return { id, status: 'ok', message: { key: `setup:doctor.deeplGlossaries.inSync${where}`, params } };
  return {
    id,
    status: 'warn',
    message: { key: `setup:doctor.deeplGlossaries.outOfSync${where}`, params },
    fix: { key: 'setup:doctor.deeplGlossaries.fix', params: {} },
  };
}
