/**
 * glossary-lint: problems of the termbase itself (YAML, schema, lint), placed in the glossary file. A
 * lint warning stays a warning whatever the rule's severity; lint errors take the rule's severity.
 */
import { t } from '../../i18n/index.js';
import type { Severity } from '../../config/types.js';
import type { GlossaryProblem } from '../../glossary/types.js';
import { displayPath } from '../context.js';
import type { Violation } from '../types.js';

export function glossaryLintViolations(
  problems: readonly GlossaryProblem[],
  severity: Severity,
  workspaceDir: string | null,
  cwd: string,
): Violation[] {
  if (severity === 'off') return [];
  return problems.map((problem) => ({
    rule: 'glossary-lint',
    severity: problem.severity === 'warning' ? 'warning' : severity,
    file: displayPath(problem.file, workspaceDir, cwd),
    line: problem.line,
    column: problem.column,
    segmentId: null,
    message: t('check:message.glossaryLint', { code: problem.code, message: t(problem.messageKey, problem.params) }),
  }));
}
