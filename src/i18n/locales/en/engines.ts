/** Translation engines: availability, failures. One section per engine. */
export default {
  deepl: {
    missingKey: 'The DeepL engine needs an authentication key: set the environment variable {{env}}.',
    rateLimited: 'DeepL is limiting the request rate (429 Too Many Requests). {{detail}}',
    server: 'The DeepL server failed (HTTP {{status}}). {{detail}}',
    network: 'Cannot reach the DeepL server: {{detail}}',
    timeout: 'DeepL did not answer within {{ms}} ms.',
    quota:
      'The DeepL character quota is used up (456). Finished work is kept: run the command again when the quota allows. {{detail}}',
    auth: 'DeepL refused the authentication key (403): check {{env}}. {{detail}}',
    failed: 'The DeepL request failed: {{detail}}',
    resultCount: 'DeepL returned {{received}} translations for {{sent}} texts.',
  },
  apertium: {
    notInstalled:
      'Apertium is not installed (command "{{command}}" not found). Install it with: apt-get install apertium apertium-eng-spa apertium-spa-ita, or choose another engine with --engine.',
    unsupportedPair:
      'Apertium has no data to translate {{source}}→{{target}} (installed modes: {{modes}}). Use --engine deepl or --engine pseudo for these articles.',
  },
  select: {
    unknown: 'Unknown engine "{{name}}". Expected one of: {{expected}}.',
  },
  reason: {
    flag: 'chosen with --engine',
    config: 'engine.default in {{file}}',
    key: '{{env}} is set',
    apertium: 'no {{env}} set; apertium installed',
    none: 'no {{env}} set; apertium not installed',
  },
};
