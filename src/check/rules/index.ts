/** The segment and block rules, in report order. Unit rules (output-sync) and the termbase rule
 * (glossary-lint) run in the runner, where the output file and the termbase are. */
import type { Rule } from '../rule-context.js';
import { glossaryTermRule } from './glossary-term.js';
import { forbiddenTermRule } from './forbidden-term.js';
import { untranslatedTermRule } from './untranslated-term.js';
import { doNotTranslateRule } from './do-not-translate.js';
import { numbersRule } from './numbers.js';
import { markupParityRule } from './markup-parity.js';
import { quotesRule } from './quotes.js';
import { untranslatedSegmentRule } from './untranslated-segment.js';
import { notApprovedRule } from './not-approved.js';
import { flaggedSegmentRule } from './flagged-segment.js';

export const segmentAndBlockRules: readonly Rule[] = [
  glossaryTermRule,
  forbiddenTermRule,
  untranslatedTermRule,
  doNotTranslateRule,
  numbersRule,
  markupParityRule,
  quotesRule,
  untranslatedSegmentRule,
  notApprovedRule,
  flaggedSegmentRule,
];
