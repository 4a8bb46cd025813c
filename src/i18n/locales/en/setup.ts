/** Starting a workspace: `storyloc init`, `storyloc doctor`, `--version`. */
export default {
  version: 'print the storyloc version',
  init: {
    description: 'Start a workspace here (or in DIR): config, folders, a glossary file, .gitignore lines',
    dir: 'folder of the new workspace',
    from: 'source languages, comma-separated',
    to: 'target languages, comma-separated',
    ci: 'also write a CI workflow (github: .github/workflows/storyloc.yml)',
    noLanguage: '{{flag}} needs at least one language code.',
    unknownLanguage: '{{flag}}: "{{code}}" is not a supported language (expected one of: {{expected}}).',
    sameLanguage: '"{{code}}" is both a source and a target language; a story is translated into other languages.',
    exists_one:
      'storyloc init writes no file that exists already, and this one does (nothing was written; move it away or init another folder):',
    exists_other:
      'storyloc init writes no file that exists already, and these {{count}} do (nothing was written; move them away or init another folder):',
    created: 'Created a storyloc workspace in {{dir}}:',
    gitignore: { created: 'created', updated: 'lines added' },
    next: 'Next: put a Markdown story in {{articles}}, then run',
  },
  doctor: {
    description:
      'Say what works in this workspace and what is missing, each with the fix (exit 0 when the default engine can run for at least one language pair)',
    header: 'storyloc {{version}}: doctor',
    fixPrefix: 'fix',
    label: {
      node: 'Node.js',
      config: 'config',
      languages: 'languages',
      engine: { apertium: 'apertium', deepl: 'deepl', pseudo: 'pseudo' },
      glossary: 'glossary',
      'deepl-glossaries': 'DeepL glossaries',
      pairs: 'language pairs',
      chromium: 'Chromium',
    },
    node: {
      ok: '{{version}} (storyloc needs {{required}})',
      old: '{{version}} is too old (storyloc needs {{required}})',
      fix: 'install Node.js {{required}} (for example from nodejs.org or with nvm)',
    },
    config: {
      ok: '{{file}} is valid',
      invalid: '{{position}}{{detail}}',
      initFix: 'run storyloc init here, or give --workspace DIR',
      linkFix:
        'replace the link with the file or folder itself (storyloc reads nothing outside the workspace through a link)',
      editFix: 'correct the file at that place (README "Configuration" lists every key)',
    },
    languages: 'from {{sources}} into {{targets}}',
    apertium: {
      ok: 'can translate {{pairs}}',
      missing: 'not installed (command "{{command}}" not found)',
      installFix: 'apt-get install apertium apertium-eng-spa apertium-spa-ita (or set engine.apertium.command)',
      noModes_one: 'installed, but has no language data for {{pairs}}',
      noModes_other: 'installed, but has no language data for {{pairs}}',
      modesFix:
        'install the Apertium language pairs for {{pairs}} (apt-cache search apertium), or translate those stories with DeepL',
    },
    deepl: {
      ok: 'key in {{env}} accepted by {{server}}; {{count}} of {{limit}} characters used this period',
      noKey: 'no key ({{env}} is not set)',
      keyFix: 'export {{env}}=… with your DeepL API key (never put it in a file of the workspace)',
      exhausted: 'key in {{env}} accepted, but the character limit is reached ({{count}} of {{limit}})',
      exhaustedFix: 'wait for the next billing period or raise the limit in your DeepL account',
      unreachable: '{{server}} did not answer: {{detail}}',
      authFix: 'check the key in {{env}} (a Free key ends in ":fx")',
      networkFix: 'check the network, a proxy, or engine.deepl.serverUrl in the config',
    },
    pairs: {
      otherEngine: '{{pair}}: {{engine}}, the default engine, cannot translate it here; {{other}} can',
      otherEngineFix: 'translate those stories with storyloc translate --engine {{other}}',
      noEngine:
        '{{pair}}: no engine here can translate it; its stories are left for a translator (translate exits 1 while they wait)',
      koreanFix:
        "export {{env}}=… with a DeepL API key (DeepL translates {{pair}}; Debian's Apertium has no Korean language data), or remove the language from storyloc.config.yaml",
      installFix:
        'install the Apertium language data for {{pairKey}} (apt-cache search apertium), or export {{env}}=… with a DeepL API key',
    },
    pseudo: 'always available (a test engine: marks text instead of translating it)',
    glossary: {
      ok: 'no problems (entries: {{entries}}, files: {{files}}, in {{dir}})',
      problems: 'errors: {{errors}}, warnings: {{warnings}} (entries: {{entries}}, files: {{files}}, in {{dir}})',
      fix: 'run storyloc glossary lint to see them',
    },
    deeplGlossaries: {
      unused: 'not used ({{env}} is not set and nothing was synced)',
      lintFirst: 'not checked until the glossary lints without errors',
      inSyncRemote: 'in step with the termbase (dictionaries: {{dictionaries}}; checked on DeepL)',
      inSyncRecorded: 'in step with the termbase according to {{file}} (DeepL not asked)',
      outOfSyncRemote: 'changes to send: {{changes}} (dictionaries wanted: {{dictionaries}}; checked on DeepL)',
      outOfSyncRecorded: 'changes to send according to {{file}}: {{changes}} (DeepL not asked)',
      failed: 'not checked: {{detail}}',
      fix: 'run storyloc glossary sync',
    },
    chromium: {
      ok: '{{command}} found (the review page is tested in it)',
      missing: 'not found (looked for {{commands}})',
      fix: 'storyloc review --serve opens in any browser; install Chromium (apt-get install chromium) only to run the review page tests',
    },
    verdict: {
      ok: 'Default engine: {{engine}} ({{reason}}): it can run.',
      partial: 'Default engine: {{engine}} ({{reason}}): it can run, but not for {{pairs}} (see the warnings above).',
      cannot: 'Default engine: {{engine}} ({{reason}}): it cannot run; see the fixes above.',
      noConfig: 'No valid workspace config: no engine can run.',
    },
  },
};
