/**
 * The configured language pairs the default engine cannot translate here, one finding each with the
 * remedy: another engine here that can (`translate --engine`), else the key or language data to add.
 * A gap is a warning, not a failure: `translate` still runs and leaves those stories for a translator
 * (Debian's Apertium has no Korean, so a default en+ko workspace offline has one).
 */
import type { ResolvedConfig } from '../config/types.js';
import { type LanguagePair, pairKey } from '../languages.js';
import type { EngineCheck } from './engines.js';
import type { DefaultEngineVerdict, DoctorFinding } from './types.js';

export const pairArrow = (pair: LanguagePair): string => `${pair.source}→${pair.target}`;

/** The pairs the default engine translates here: DeepL and Apertium as checked, pseudo all, none none. */
export function pairsOfEngine(
  name: string | null,
  pairs: readonly LanguagePair[],
  checks: { apertium: EngineCheck; deepl: EngineCheck },
): readonly LanguagePair[] {
  if (name === 'deepl') return checks.deepl.pairs;
  if (name === 'apertium') return checks.apertium.pairs;
  if (name === 'pseudo') return pairs;
  return [];
}

/** The configured pairs the default engine leaves for a translator (none when it cannot run at all). */
export function uncoveredPairs(
  verdict: DefaultEngineVerdict,
  pairs: readonly LanguagePair[],
  checks: { apertium: EngineCheck; deepl: EngineCheck },
): LanguagePair[] {
  // `engine.default: none` leaves every story for a translator on purpose; an engine that cannot run at
  // all is already the verdict
  if (!verdict.canRun || verdict.name === 'none') return [];
  const covered = new Set(pairsOfEngine(verdict.name, pairs, checks).map(pairKey));
  return pairs.filter((pair) => !covered.has(pairKey(pair)));
}

/** One warning per pair the default engine leaves out, with the remedy. */
export function pairGapFindings(
  config: ResolvedConfig,
  gaps: readonly LanguagePair[],
  engine: string | null,
  checks: { apertium: EngineCheck; deepl: EngineCheck },
): DoctorFinding[] {
  const env = config.engine.deepl.authKeyEnv;
  return gaps.map((pair): DoctorFinding => {
    const other = (['deepl', 'apertium'] as const).find((name) =>
      checks[name].pairs.some((usable) => pairKey(usable) === pairKey(pair)),
    );
    const params = { pair: pairArrow(pair), engine, other, env, pairKey: pairKey(pair) };
    if (other !== undefined)
      return {
        id: 'pairs',
        status: 'warn',
        message: { key: 'setup:doctor.pairs.otherEngine', params },
        fix: { key: 'setup:doctor.pairs.otherEngineFix', params },
      };
    const korean = pair.source === 'ko' || pair.target === 'ko';
    return {
      id: 'pairs',
      status: 'warn',
      message: { key: 'setup:doctor.pairs.noEngine', params },
      fix: { key: korean ? 'setup:doctor.pairs.koreanFix' : 'setup:doctor.pairs.installFix', params },
    };
  });
}
