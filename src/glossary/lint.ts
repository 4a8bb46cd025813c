/**
 * Termbase lint: the checks that need the whole merged termbase. Problems are values; the CLI prints
 * them and exits 1 when one is an error. Error classes (code → what):
 *   glossary.duplicateId          two entries share an id (names the first place)
 *   glossary.conflictingTargets   one source form leads to two different target forms (names both)
 *   glossary.duplicateForm        (warning) two entries share a source form with the same target
 *   glossary.variantIsOtherForm   a variant equals another entry's canonical form in that language
 *   glossary.redundantVariant     (warning) a variant equals the entry's own canonical form
 *   glossary.emptyForm            an empty form, variant or forbidden form
 *   glossary.paddedForm           leading/trailing/double spaces, tabs or line breaks in a form
 *   glossary.missingTargetForm    no form for a configured target language (not do-not-translate)
 *   glossary.noSourceForm         (warning) no form in any configured source language
 *   glossary.forbiddenIsAccepted  a forbidden form equals an accepted form of the same language
 * YAML and schema problems come from the loader (load.ts) with the same shape.
 */
import path from 'node:path';
import type { Lang } from '../languages.js';
import { errorCodes, type ErrorCode } from '../error-codes.js';
import { foldText } from './chars.js';
import { acceptedFormsOf, formOf, isCaseSensitive } from './entry.js';
import type { EntryPositions, SourcePoint } from './load.js';
import type { GlossaryEntry, GlossaryProblem, Termbase } from './types.js';

export interface LintOptions {
  sourceLanguages: readonly Lang[];
  targetLanguages: readonly Lang[];
  /** positions of forms inside entries (from the loader), to point at the exact form */
  positions?: EntryPositions;
  /** render the "other place" of a message relative to this folder */
  relativeTo?: string;
}

interface FormRef {
  entry: GlossaryEntry;
  lang: Lang;
  form: string;
  /** "forms.en", "variants.en.1" */
  part: string;
}

/**
 * case kept; every space and hyphen one space, typographic apostrophes folded (what case-sensitive matching
 * compares)
 */
function separatorsFolded(form: string): string {
  return form
    .trim()
    .replace(/[\s\u2010-\u2013\u00AD\uFE63\uFF0D-]+/gu, ' ')
    .replace(/[\u2019\u2018\u02BC\u2032]/g, "'");
}

/** case-insensitive, typographic apostrophes folded, spaces and hyphens kept as written */
function spellingKey(form: string): string {
  return form
    .trim()
    .toLowerCase()
    .replace(/[\u2019\u2018\u02BC]/g, "'");
}

/** Reports a problem at an entry (or one of its forms), and names the place of another for messages. */
interface Reporter {
  report(
    code: ErrorCode,
    severity: GlossaryProblem['severity'],
    entry: GlossaryEntry,
    part: string | undefined,
    params: Record<string, unknown>,
  ): void;
  placeOf(entry: GlossaryEntry, part?: string): string;
}

function createReporter(options: LintOptions, problems: GlossaryProblem[]): Reporter {
  const pointOf = (entry: GlossaryEntry, part?: string): SourcePoint => {
    const point = part === undefined ? undefined : options.positions?.get(entry)?.[part];
    return point ?? { line: entry.line, column: entry.column ?? 1 };
  };
  return {
    placeOf(entry, part) {
      const point = pointOf(entry, part);
      const file = options.relativeTo ? path.relative(options.relativeTo, entry.file) || entry.file : entry.file;
      return `${file}:${point.line}:${point.column}`;
    },
    report(code, severity, entry, part, params) {
      const point = pointOf(entry, part);
      const messageKey = errorCodes[code].message;
      problems.push({
        code,
        severity,
        file: entry.file,
        line: point.line,
        column: point.column,
        messageKey,
        params: { id: entry.id, ...params },
      });
    },
  };
}

function checkDuplicateIds(termbase: Termbase, { report, placeOf }: Reporter): void {
  const firstById = new Map<string, GlossaryEntry>();
  for (const entry of termbase.entries) {
    const first = firstById.get(entry.id);
    if (first) report('glossary.duplicateId', 'error', entry, undefined, { otherPlace: placeOf(first) });
    else firstById.set(entry.id, entry);
  }
}

/** Every written form (canonical, variants, forbidden), for the form-level checks. */
function formRefsOf(termbase: Termbase): FormRef[] {
  const refs: FormRef[] = [];
  for (const entry of termbase.entries) {
    for (const [lang, form] of Object.entries(entry.forms) as Array<[Lang, string]>)
      refs.push({ entry, lang, form, part: `forms.${lang}` });
    for (const group of ['variants', 'forbidden'] as const) {
      for (const [lang, list] of Object.entries(entry[group]) as Array<[Lang, string[]]>) {
        list.forEach((form, i) => {
          refs.push({ entry, lang, form, part: `${group}.${lang}.${i}` });
        });
      }
    }
  }
  return refs;
}

function checkFormSpacing(refs: readonly FormRef[], { report }: Reporter): void {
  for (const ref of refs) {
    if (ref.form.trim() === '')
      report('glossary.emptyForm', 'error', ref.entry, ref.part, { lang: ref.lang, part: ref.part });
    else if (ref.form !== ref.form.trim() || /\s\s|[\t\n\r]/.test(ref.form)) {
      report('glossary.paddedForm', 'error', ref.entry, ref.part, {
        lang: ref.lang,
        part: ref.part,
        form: JSON.stringify(ref.form),
      });
    }
  }
}

function checkConfiguredLanguages(termbase: Termbase, options: LintOptions, { report }: Reporter): void {
  for (const entry of termbase.entries) {
    for (const target of options.targetLanguages) {
      if (formOf(entry, target) === undefined)
        report('glossary.missingTargetForm', 'error', entry, undefined, { lang: target });
    }
    if (
      options.sourceLanguages.length > 0 &&
      options.sourceLanguages.every((lang) => entry.forms[lang] === undefined) &&
      !entry.doNotTranslate
    ) {
      report('glossary.noSourceForm', 'warning', entry, undefined, { langs: options.sourceLanguages.join(', ') });
    }
  }
}

/**
 * Whether two source forms find the same text: folded equal (case, space ≈ hyphen, apostrophes), and
 * either entry ignores case there or they agree letter for letter. A case-insensitive "tvn" and a
 * case-sensitive "tvN" both match "tvN": that is a collision, whichever entry came first.
 */
const collide = (a: FormRef, b: FormRef): boolean =>
  !isCaseSensitive(a.entry, a.lang) ||
  !isCaseSensitive(b.entry, b.lang) ||
  separatorsFolded(a.form) === separatorsFolded(b.form);

/**
 * Variants equal to the own canonical form (warning) or to another entry's canonical form (error);
 * returns the variants reported as another entry's form (the conflict check skips them).
 */
function checkVariants(refs: readonly FormRef[], { report, placeOf }: Reporter): Set<FormRef> {
  const canonicalFolded = new Map<string, FormRef>();
  for (const ref of refs) {
    if (!ref.part.startsWith('forms.') || ref.form.trim() === '') continue;
    const key = `${ref.lang}\u0000${foldText(ref.form.trim())}`;
    if (!canonicalFolded.has(key)) canonicalFolded.set(key, ref);
  }
  const reportedVariants = new Set<FormRef>();
  for (const ref of refs) {
    if (!ref.part.startsWith('variants.') || ref.form.trim() === '') continue;
    const canonical = canonicalFolded.get(`${ref.lang}\u0000${foldText(ref.form.trim())}`);
    if (!canonical) continue;
    if (canonical.entry === ref.entry) {
      // "Kim Soo Hyun" beside "Kim Soo-hyun" is not redundant: target-side checks keep hyphens apart
      if (spellingKey(canonical.form) === spellingKey(ref.form)) {
        report('glossary.redundantVariant', 'warning', ref.entry, ref.part, { lang: ref.lang, form: ref.form });
      }
    } else {
      reportedVariants.add(ref);
      report('glossary.variantIsOtherForm', 'error', ref.entry, ref.part, {
        lang: ref.lang,
        form: ref.form,
        otherId: canonical.entry.id,
        otherPlace: placeOf(canonical.entry, canonical.part),
      });
    }
  }

  return reportedVariants;
}

/**
 * One source form, two targets: canonical vs canonical and variant vs variant across entries (variant
 * vs canonical is variantIsOtherForm).
 */
function checkConflictingTargets(
  refs: readonly FormRef[],
  options: LintOptions,
  reportedVariants: ReadonlySet<FormRef>,
  { report, placeOf }: Reporter,
): void {
  for (const source of options.sourceLanguages) {
    for (const target of options.targetLanguages) {
      for (const kind of ['forms.', 'variants.']) {
        const earlierByKey = new Map<string, FormRef[]>();
        for (const ref of refs) {
          if (ref.lang !== source || !ref.part.startsWith(kind) || ref.form.trim() === '') continue;
          const key = foldText(ref.form.trim());
          const earlier = earlierByKey.get(key);
          if (!earlier) {
            earlierByKey.set(key, [ref]);
            continue;
          }
          const first = earlier.find((other) => other.entry !== ref.entry && collide(other, ref));
          earlier.push(ref);
          if (!first || reportedVariants.has(ref)) continue;
          const firstTarget = formOf(first.entry, target);
          const thisTarget = formOf(ref.entry, target);
          if (firstTarget === undefined || thisTarget === undefined) continue; // missingTargetForm says it
          if (firstTarget !== thisTarget) {
            report('glossary.conflictingTargets', 'error', ref.entry, ref.part, {
              lang: source,
              targetLang: target,
              form: ref.form,
              target: thisTarget,
              otherId: first.entry.id,
              otherTarget: firstTarget,
              otherPlace: placeOf(first.entry, first.part),
            });
          } else {
            report('glossary.duplicateForm', 'warning', ref.entry, ref.part, {
              lang: source,
              form: ref.form,
              otherId: first.entry.id,
              otherPlace: placeOf(first.entry, first.part),
            });
          }
        }
      }
    }
  }
}

/** Forbidden forms that are accepted somewhere in the same language. */
function checkForbiddenForms(termbase: Termbase, { report, placeOf }: Reporter): void {
  const acceptedByKey = new Map<string, GlossaryEntry>();
  const forbiddenLangs = new Set<Lang>();
  for (const entry of termbase.entries)
    for (const lang of Object.keys(entry.forbidden) as Lang[]) forbiddenLangs.add(lang);
  for (const lang of forbiddenLangs) {
    acceptedByKey.clear();
    for (const entry of termbase.entries) {
      for (const form of acceptedFormsOf(entry, lang)) {
        const key = foldText(form.trim());
        if (!acceptedByKey.has(key)) acceptedByKey.set(key, entry);
      }
    }
    for (const entry of termbase.entries) {
      (entry.forbidden[lang] ?? []).forEach((form, i) => {
        const owner = acceptedByKey.get(foldText(form.trim()));
        if (!owner || form.trim() === '') return;
        // a case-sensitive entry may forbid another capitalisation of its own accepted form ("Regina delle
        // Lacrime" beside "regina delle lacrime"), but not one that only changes the first letter, which
        // matching lets change case at sentence start
        if (owner === entry && isCaseSensitive(entry, lang)) {
          const firstLetterFolded = (text: string): string =>
            text.trim().charAt(0).toLowerCase() + text.trim().slice(1);
          if (!acceptedFormsOf(entry, lang).some((accepted) => firstLetterFolded(accepted) === firstLetterFolded(form)))
            return;
        }
        report('glossary.forbiddenIsAccepted', 'error', entry, `forbidden.${lang}.${i}`, {
          lang,
          form,
          otherId: owner.id,
          otherPlace: placeOf(owner),
        });
      });
    }
  }
}

export function lintTermbase(termbase: Termbase, options: LintOptions): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const reporter = createReporter(options, problems);
  checkDuplicateIds(termbase, reporter);
  const refs = formRefsOf(termbase);
  checkFormSpacing(refs, reporter);
  checkConfiguredLanguages(termbase, options, reporter);
  const reportedVariants = checkVariants(refs, reporter);
  checkConflictingTargets(refs, options, reportedVariants, reporter);
  checkForbiddenForms(termbase, reporter);
  return problems.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** true when any problem is an error */
export function hasErrors(problems: readonly GlossaryProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
