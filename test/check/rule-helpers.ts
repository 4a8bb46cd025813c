/**
 * Small factories for rule tests: a segment pair, a RuleContext over the fixture glossary (the real
 * termbase loader and matchers) whose locator places target offsets on line 1 at column offset + 1, so
 * expected columns can be read straight off the target XML.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTermbaseTexts } from '../../src/glossary/load.js';
import { createGlossaryIndex, type GlossaryIndex } from '../../src/check/glossary-index.js';
import { createFileContext } from '../../src/check/context.js';
import { createPlainLocator } from '../../src/check/locate.js';
import { defaultSeverities } from '../../src/check/severities.js';
import type { CheckedSegment, RuleContext } from '../../src/check/rule-context.js';
import type { RuleId } from '../../src/check/types.js';
import type { Severity } from '../../src/config/types.js';
import type { Lang } from '../../src/languages.js';
import { fixturesDir } from '../support/check-fixtures.js';

let fixtureGlossary: GlossaryIndex | undefined;

export function glossary(): GlossaryIndex {
  const file = path.join(fixturesDir, 'glossary.yaml');
  fixtureGlossary ??= createGlossaryIndex(parseTermbaseTexts([{ file, text: readFileSync(file, 'utf8') }]).termbase);
  return fixtureGlossary;
}

export function pair(
  source: string | null,
  target: string | null,
  extra: Partial<CheckedSegment> = {},
): CheckedSegment {
  return {
    id: 's1',
    kind: 'paragraph',
    source,
    target,
    tags: {},
    state: 'approved',
    engine: 'human',
    flags: [],
    block: 'b1',
    ...extra,
  };
}

export function context(
  options: {
    sourceLang?: Lang | null;
    targetLang?: Lang;
    mode?: RuleContext['mode'];
    severities?: Partial<Record<RuleId, Severity>>;
    glossary?: GlossaryIndex;
  } = {},
): RuleContext {
  return createFileContext({
    mode: options.mode ?? 'workspace',
    sourceLang: options.sourceLang === undefined ? 'en' : options.sourceLang,
    targetLang: options.targetLang ?? 'it',
    sourceLanguages: ['en', 'ko'],
    glossary: options.glossary ?? glossary(),
    severities: { ...defaultSeverities, ...options.severities },
    locator: createPlainLocator('/ws/output/it/en/a.md', '', new Map()),
    workspaceDir: '/ws',
    cwd: '/ws',
    sourceFile: '/ws/articles/en/a.md',
  });
}

/** the parts of violations a test compares */
export function brief(
  violations: ReadonlyArray<{ rule: string; column: number; endColumn?: number; message: string; suggestion?: string }>,
): unknown[] {
  return violations.map((v) => {
    const out: Record<string, unknown> = { rule: v.rule, column: v.column, message: v.message };
    if (v.endColumn !== undefined) out.endColumn = v.endColumn;
    if (v.suggestion !== undefined) out.suggestion = v.suggestion;
    return out;
  });
}
