/**
 * `storyloc doctor`: one pass over what a workspace needs, each finding a value with its fix. The
 * verdict is the default engine's: can `storyloc translate` run here as configured? Nothing is
 * written (the glossary is read without touching its cache; the DeepL glossary check is a dry run).
 */
import { loadConfig } from '../config/load.js';
import { refuseWorkspaceLinksOutside } from '../config/symlinks.js';
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import { selectEngine } from '../engines/select.js';
import { configuredPairs } from '../glossary/deepl-sync.js';
import type { LanguagePair } from '../languages.js';
import { lintWorkspaceTermbase } from '../glossary/workspace.js';
import { displayPath } from '../display-path.js';
import { t } from '../i18n/index.js';
import { checkChromium, checkNode } from './environment.js';
import { checkApertium, checkDeepL, type EngineCheck } from './engines.js';
import { checkDeepLGlossaries } from './glossaries.js';
import { pairArrow, pairGapFindings, pairsOfEngine, uncoveredPairs } from './pairs.js';
import type { DefaultEngineVerdict, DoctorFinding, DoctorReport } from './types.js';

export type { DoctorReport } from './types.js';

export interface DoctorOptions {
  cwd: string;
  /** `--workspace` when given */
  workspace?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** the Node.js version to judge (default: this process's) */
  nodeVersion?: string;
}

function errorMessage(error: StorylocError): DoctorFinding['message'] {
  return { key: error.messageKey, params: error.params };
}

/** Loads the config, as a finding (and the config when it is valid). */
function checkConfig(options: DoctorOptions): { finding: DoctorFinding; config: ResolvedConfig | null } {
  try {
    const config = loadConfig({ workspace: options.workspace, cwd: options.cwd });
    // the workspace's folders and storyloc's own files, as every command checks them before any work
    refuseWorkspaceLinksOutside(config);
    const file = displayPath(config.configFile!, { cwd: options.cwd, workspaceDir: config.workspaceDir });
    return {
      config,
      finding: { id: 'config', status: 'ok', message: { key: 'setup:doctor.config.ok', params: { file } } },
    };
  } catch (error) {
    if (!(error instanceof StorylocError)) throw error;
    // a file refused as a whole (a link leaving the workspace) has no line to name
    const lineColumn =
      error.position?.line === undefined ? '' : `:${error.position.line}:${error.position.column ?? 1}`;
    const position = error.position ? `${displayPath(error.position.file, { cwd: options.cwd })}${lineColumn}: ` : '';
    const fix =
      error.code === 'config.notFound'
        ? 'setup:doctor.config.initFix'
        : error.code === 'path.symlinkOutside'
          ? 'setup:doctor.config.linkFix'
          : 'setup:doctor.config.editFix';
    return {
      config: null,
      finding: {
        id: 'config',
        status: 'fail',
        message: {
          key: 'setup:doctor.config.invalid',
          params: { position, detail: t(error.messageKey, error.params) },
        },
        fix: { key: fix, params: {} },
      },
    };
  }
}

function checkGlossary(
  config: ResolvedConfig,
  cwd: string,
): { finding: DoctorFinding; termbase: ReturnType<typeof lintWorkspaceTermbase> } {
  const checked = lintWorkspaceTermbase(config, undefined, { writeCache: false, relativeTo: cwd });
  const errors = checked.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = checked.problems.length - errors;
  const params = {
    entries: checked.termbase.entries.length,
    files: checked.termbase.files.length,
    errors,
    warnings,
    dir: displayPath(config.paths.glossary, { cwd, workspaceDir: config.workspaceDir }),
  };
  if (errors + warnings === 0)
    return {
      termbase: checked,
      finding: { id: 'glossary', status: 'ok', message: { key: 'setup:doctor.glossary.ok', params } },
    };
  return {
    termbase: checked,
    finding: {
      id: 'glossary',
      status: errors > 0 ? 'fail' : 'warn',
      message: { key: 'setup:doctor.glossary.problems', params },
      fix: { key: 'setup:doctor.glossary.fix', params: {} },
    },
  };
}

/**
 * The engine `translate` would pick, and whether it can run given the engine checks: it must start and
 * translate at least one configured pair (`none` chosen in the config runs: it leaves every story for a
 * translator on purpose). Pairs it cannot translate are warnings (pairs.ts).
 */
function judgeDefaultEngine(
  config: ResolvedConfig,
  env: NodeJS.ProcessEnv,
  pairs: readonly LanguagePair[],
  checks: { apertium: EngineCheck; deepl: EngineCheck },
): DefaultEngineVerdict {
  try {
    const choice = selectEngine(config, { env });
    const reason = { key: choice.reason.key, params: choice.reason.params };
    const canRun =
      choice.name === 'none' ? config.engine.default === 'none' : pairsOfEngine(choice.name, pairs, checks).length > 0;
    return { name: choice.name, reason, canRun, leftOut: [] };
  } catch (error) {
    if (!(error instanceof StorylocError)) throw error;
    return { name: config.engine.default, reason: errorMessage(error), canRun: false, leftOut: [] };
  }
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const findings: DoctorFinding[] = [checkNode(options.nodeVersion ?? process.versions.node)];
  const { finding: configFinding, config } = checkConfig(options);
  findings.push(configFinding);
  let defaultEngine: DefaultEngineVerdict = { name: null, reason: null, canRun: false, leftOut: [] };
  if (config) {
    const pairs = configuredPairs(config);
    findings.push({
      id: 'languages',
      status: 'ok',
      message: {
        key: 'setup:doctor.languages',
        params: { sources: config.sourceLanguages.join(', '), targets: config.targetLanguages.join(', ') },
      },
    });
    const apertium = await checkApertium(config, pairs, options.env);
    const deepl = await checkDeepL(config, pairs, options.env);
    findings.push(apertium.finding, deepl.finding, {
      id: 'engine.pseudo',
      status: 'ok',
      message: { key: 'setup:doctor.pseudo', params: {} },
    });
    const judged = judgeDefaultEngine(config, options.env, pairs, { apertium, deepl });
    const gaps = uncoveredPairs(judged, pairs, { apertium, deepl });
    defaultEngine = { ...judged, leftOut: gaps.map(pairArrow) };
    findings.push(...pairGapFindings(config, gaps, judged.name, { apertium, deepl }));
    const glossary = checkGlossary(config, options.cwd);
    findings.push(glossary.finding);
    findings.push(await checkDeepLGlossaries(config, glossary.termbase, options.env, deepl.canRun, options.cwd));
  }
  findings.push(checkChromium(options.env));
  return { findings, defaultEngine };
}
