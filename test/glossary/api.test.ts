import { expect, test } from '@jest/globals';
import * as glossary from '../../src/glossary/index.js';

test('the public API of the glossary module is this re-export list', () => {
  expect(Object.keys(glossary).sort()).toEqual([
    'acceptedFormsOf', 'buildDictionaries', 'changedEntriesIn', 'configuredPairs', 'createForbiddenFormMatcher',
    'createTargetFormMatcher', 'createTermMatcher', 'createUntranslatedTermMatcher', 'findTargetForms', 'forbiddenOf',
    'formOf', 'formatProblem', 'glossaryIdFor', 'glossaryIdsFor', 'glossaryNameFor', 'glossarySchema', 'glossaryUsageFor',
    'hasErrors', 'isCaseSensitive', 'lintTermbase', 'lintWorkspaceTermbase', 'listGlossaryFiles', 'loadTermbase',
    'loadWorkspaceTermbase', 'parseGlossaryFile', 'parseTermbaseTexts', 'placeholderFlags', 'projectXml', 'protectTerms',
    'readSyncState', 'readTermbaseFiles', 'restoreTerms', 'syncDeepLGlossaries', 'syncStatePath', 'translateWithPlaceholders',
    'variantsOf',
  ]);
});
