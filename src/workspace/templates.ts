/**
 * The files `storyloc init` writes, as text: a commented config, one glossary file with an example
 * entry, the `.gitignore` lines and the GitHub workflow. Kept apart from init.ts so the wording of the
 * templates can be read (and reviewed) as the user will see it.
 */
import type { Lang } from '../languages.js';

const list = (langs: readonly Lang[]): string => `[${langs.join(', ')}]`;

export function configTemplate(from: readonly Lang[], to: readonly Lang[]): string {
  return `# storyloc workspace. Every key is optional: the values below are the defaults, written out to be
# changed. \`storyloc doctor\` says whether this file is valid and which engines can run.
sourceLanguages: ${list(from)} # stories are written in these: articles/<lang>/*.md
targetLanguages: ${list(to)} # and translated into these: output/<lang>/<source lang>/*.md
paths:
  articles: articles # the sources
  glossary: glossary # the termbase: every glossary/*.yaml file (add terms with \`storyloc glossary add\`)
  output: output # translations and their review state (*.state.json): commit them with the sources
frontMatterKeys: [title, summary] # front-matter values that are translated too
engine:
  # auto: DeepL when the key variable below is set, else Apertium when installed, else none (the
  # segments wait for a translator). Or name one: deepl, apertium, pseudo (a test engine), none.
  default: auto
  deepl:
    authKeyEnv: DEEPL_AUTH_KEY # the environment variable holding the key; never write the key itself here
    formality: default
    sendContext: true
  apertium:
    command: apertium
# Publish only approved text: make \`storyloc check\` fail on segments not approved yet.
# check:
#   severities:
#     not-approved: error
`;
}

/**
 * The one glossary file, with the comment editors read to validate it against the schema and a
 * do-not-translate example entry (valid whatever the languages: it needs no target form).
 */
export function glossaryTemplate(schemaRef: string, from: readonly Lang[]): string {
  const forms = from.map((lang) => `      ${lang}: Example News`).join('\n');
  return `# yaml-language-server: $schema=${schemaRef}
# The termbase: every glossary/*.yaml file is merged into one. Add terms with \`storyloc glossary add\`
# or here; \`storyloc glossary lint\` checks them.
version: 1
entries:
  - id: example-news
    type: organization
    forms:
${forms}
    doNotTranslate: true
    note: An example (your newsroom's name stays as it is in every language). Change it or delete it.
`;
}

/** Lines `init` makes sure `.gitignore` has: storyloc's local bookkeeping is never committed. */
export const gitignoreLines = [
  '# storyloc: the lock, caches and source snapshots of this machine',
  '/.storyloc/',
] as const;

/**
 * The GitHub workflow of `init --ci github`: annotations from `storyloc check`, the SARIF report in code
 * scanning, and the review summary as a pull-request comment when the PR changes articles/ or output/.
 */
export function githubWorkflowTemplate(): string {
  return `# storyloc in CI (written by \`storyloc init --ci github\`).
# - \`storyloc check\` annotates the changed lines and fails the job on errors;
# - the same report goes to code scanning (SARIF);
# - on a pull request that changes articles/ or output/, the segments waiting for review are posted as
#   a comment (\`storyloc review --format markdown\`), so translators review where they already are.
# storyloc is expected in package.json (npm install --save-dev storyloc), so \`npm ci\` installs it.
name: storyloc

on:
  pull_request:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  security-events: write # upload the SARIF report
  pull-requests: write # the review comment

jobs:
  check:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the base branch, to see what the pull request changes

      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm

      - name: Install
        run: npm ci --no-audit --no-fund

      - name: Check translations
        run: npx storyloc check --format github --fail-on error

      - name: SARIF report
        if: always()
        run: npx storyloc check --format sarif --output storyloc-check.sarif || test $? -eq 1

      - name: Upload to code scanning
        if: always() && hashFiles('storyloc-check.sarif') != ''
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: storyloc-check.sarif
          category: storyloc-check

      - name: Review summary as a comment
        if: always() && github.event_name == 'pull_request'
        env:
          GH_TOKEN: \${{ github.token }}
          BASE: \${{ github.event.pull_request.base.sha }}
          PR: \${{ github.event.pull_request.number }}
        run: |
          if git diff --quiet "$BASE" HEAD -- articles output; then exit 0; fi
          npx storyloc review --format markdown > storyloc-review.md
          # one comment per pull request, updated on each push
          gh pr comment "$PR" --edit-last --body-file storyloc-review.md ||
            gh pr comment "$PR" --body-file storyloc-review.md
`;
}
