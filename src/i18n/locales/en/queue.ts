/** The translation queue: progress display, backoff notices, why a run stopped, dry-run plan. */
export default {
  progress: {
    bar: '{bar} {percentage}% | {value}/{total} segments | {characters} characters{etaText}',
    eta: ' | ETA {{eta}}',
    start: 'Translating: segments {{segments}}, requests {{requests}}, characters {{characters}}…',
    line: 'Translated: segments {{done}}/{{total}} ({{percent}}%), characters {{characters}}, retries {{retries}}',
    backoff: 'The engine reported {{reason}}: all requests pause for {{seconds}} s.',
  },
  reason: {
    'rate-limited': 'too many requests (429)',
    server: 'a server error',
    network: 'a network error',
    quota: 'the quota is used up',
    auth: 'an authentication failure',
    fatal: 'a failure',
  },
  stopped: {
    quota:
      'The engine quota is used up: sending stopped. {{done}} texts are translated and saved; run the same command again when the quota allows to translate the remaining {{remaining}}.',
    auth: 'The engine refused the authentication key: sending stopped. {{done}} texts are translated and saved; fix the key and run again to translate the remaining {{remaining}}.',
    interrupted:
      'Interrupted: {{done}} texts are translated and saved; run the same command again to translate the remaining {{remaining}}.',
    budget:
      'The budget of {{budget}} billed characters is reached: {{remaining}} texts were not sent. Run again with a larger --max-chars to continue.',
    failed:
      'The engine kept failing ({{message}}): sending stopped after {{retries}} retries. {{done}} texts are translated and saved; run again to translate the remaining {{remaining}}.',
  },
  plan: {
    summary:
      '{{requests}} requests, {{texts}} texts ({{duplicates}} duplicates sent once), {{characters}} billed characters',
    tooLarge: '{{count}} texts are larger than one request allows and will not be sent.',
  },
};
