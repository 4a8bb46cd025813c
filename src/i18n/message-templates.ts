/**
 * Messages with parameters at the rate `storyloc check` writes them: tens of thousands per run on real
 * translations (a number written the English way, a term missing…), each through i18next's `t`, which
 * resolves the key, interpolates and looks for nesting on every call (a sixth of a check's time).
 *
 * The text of a message is a function of its key, its parameter names and the UI language, with the
 * values put in where the placeholders are. So the first call for a (language, key, parameter names)
 * asks i18next once with stand-in values (private-use characters) and keeps the text cut at the
 * stand-ins; later calls put the values in the cuts. Only values i18next copies as they are qualify:
 * strings and finite numbers with no interpolation or nesting marks (`{{`, `}}`, `$t(`) and no stand-in
 * character; parameter names i18next reads as options (count, context, lng…) never do. Anything else,
 * and any message whose stand-in text is not a plain cut (a formatted or nested value), goes to `t`
 * every time. The first call also asks `t` with the real values and keeps the template only when both
 * agree.
 */
import { currentUiLanguage, t, type MessageKey } from './index.js';

/** a message's text cut at its parameters: pieces[0] value pieces[1] value … pieces[n] */
interface Template {
  pieces: string[];
  /** the index (in the call's parameter order) of the value after each piece but the last */
  slots: number[];
}

/** parameter names i18next reads as options rather than values (plural forms, context, language…) */
const OPTION_NAMES = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'replace',
  'defaultValue',
  'interpolation',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'keyPrefix',
  'keySeparator',
  'nsSeparator',
  'skipInterpolation',
  'nest',
  'applyPostProcessor',
  'appendNamespaceToMissingKey',
]);

/** what a value may not contain to be copied as it is: interpolation, nesting, or a stand-in character */
const UNSAFE_VALUE = /\{\{|\}\}|\$t\(|[\uE000-\uE0FF]/;
const STAND_IN_OPEN = '\uE000';
const STAND_IN_CLOSE = '\uE001';
/** stand-in for the parameter at `index` (up to 200 parameters) */
const standIn = (index: number): string => `${STAND_IN_OPEN}${String.fromCharCode(0xe010 + index)}${STAND_IN_CLOSE}`;
const STAND_IN = /\uE000([\uE010-\uE0D7])\uE001/g;

/** per translate function: (language, key, parameter names) → its template, or null: ask it every time */
const templatesOf = new WeakMap<typeof t, Map<string, Template | null>>();
/** names i18next reads as one plain property (a dot would be a path into the parameters) */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** a bound, whatever is asked: the catalogs have a few hundred messages */
const MAX_TEMPLATES = 10_000;

/** The template of `key` with parameters `names`, from i18next's text with stand-ins; null: not a plain cut. */
function learnTemplate(key: MessageKey, names: readonly string[], translate: typeof t): Template | null {
  if (names.length > 200) return null;
  const standIns: Record<string, string> = {};
  names.forEach((name, index) => {
    standIns[name] = standIn(index);
  });
  const text = translate(key, standIns);
  if (text.includes('$t(')) return null;
  const pieces: string[] = [];
  const slots: number[] = [];
  let last = 0;
  STAND_IN.lastIndex = 0;
  for (let found = STAND_IN.exec(text); found !== null; found = STAND_IN.exec(text)) {
    pieces.push(text.slice(last, found.index));
    slots.push(found[1]!.charCodeAt(0) - 0xe010);
    last = found.index + found[0].length;
  }
  pieces.push(text.slice(last));
  // a stand-in character left anywhere else: i18next changed a value (formatted, cut): not a plain cut
  if (pieces.some((piece) => /[\uE000-\uE0FF]/.test(piece))) return null;
  if (slots.some((slot) => slot >= names.length)) return null;
  return { pieces, slots };
}

function fill(template: Template, values: readonly string[]): string {
  let text = template.pieces[0]!;
  for (let i = 0; i < template.slots.length; i++) text += values[template.slots[i]!]! + template.pieces[i + 1]!;
  return text;
}

/**
 * `t(key, params)`, the same text, from the message's template when the parameters allow it (see the
 * header). `translate` is for tests (it must be `t`'s equal: the same catalogs and language).
 */
export function formatMessage(key: MessageKey, params: Record<string, unknown>, translate: typeof t = t): string {
  const names = Object.keys(params);
  if (names.length === 0) return translate(key, params);
  const values: string[] = [];
  for (const name of names) {
    const value = params[name];
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
    else return translate(key, params);
    if (OPTION_NAMES.has(name) || !PLAIN_NAME.test(name) || UNSAFE_VALUE.test(text)) return translate(key, params);
    values.push(text);
  }
  let templates = templatesOf.get(translate);
  if (templates === undefined) templatesOf.set(translate, (templates = new Map()));
  const id = `${currentUiLanguage()}\u0000${key}\u0000${names.join('\u0000')}`;
  let template = templates.get(id);
  if (template === undefined) {
    template = learnTemplate(key, names, translate);
    const direct = translate(key, params);
    if (template !== null && fill(template, values) !== direct) template = null;
    if (templates.size < MAX_TEMPLATES) templates.set(id, template);
    return direct;
  }
  return template === null ? translate(key, params) : fill(template, values);
}
