/**
 * Keeping secrets (the DeepL auth key) out of messages, logs and error chains.
 *
 * deepl-node's errors are unsafe to pass on as they are: a ConnectionError carries the axios error in
 * `.error`, whose `config.headers.Authorization` holds the key, so `util.inspect(error, { depth: null })`
 * or a logger that walks `cause` would print it. Callers therefore never expose a library error: they
 * build a `RedactedError` (message and stack scrubbed, no reference to the original object).
 */

export const REDACTED = '[redacted]';

/** The forms in which a secret can show up in text: as is, URL-encoded, and a Free key without `:fx`. */
function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret)]);
  if (secret.endsWith(':fx') && secret.length > 3) forms.add(secret.slice(0, -3));
  return [...forms].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each secret (in any of its forms) by `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    for (const form of secretForms(secret)) result = result.split(form).join(REDACTED);
  }
  return result;
}

/**
 * A safe stand-in for a library error: same class name and message (redacted), the redacted original
 * stack, the network error code when there was one, and nothing else.
 */
export class RedactedError extends Error {
  /** e.g. `ECONNRESET`, `ECONNABORTED` (from the underlying HTTP error), when known */
  readonly code: string | undefined;

  constructor(original: unknown, secrets: readonly string[]) {
    const message = original instanceof Error ? original.message : String(original);
    super(redactSecrets(message, secrets));
    this.name = original instanceof Error ? original.constructor.name : 'Error';
    this.code = networkCode(original);
    if (original instanceof Error && original.stack) this.stack = redactSecrets(original.stack, secrets);
  }
}

/** The `code` of the error or of the error it wraps (deepl-node puts the axios error in `.error`). */
function networkCode(original: unknown): string | undefined {
  for (const candidate of [original, (original as { error?: unknown } | null)?.error]) {
    const code = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
