/**
 * Every error code storyloc reports, with the message key that explains it and the exit code it ends a
 * command with. `new StorylocError(code, …)` and `inputError(code, …)` accept only these codes, so a
 * misspelt code fails `tsc`. Adding an error is one line here (and its message in the three catalogs).
 * Glossary problem codes (`glossary.duplicateId`, …) are here too: a problem of severity error stops a
 * translation run as a StorylocError.
 */
import type { MessageKey } from './i18n/catalogs.js';

/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  /** violations found (check), a roundtrip mismatch, lint errors */
  findings: 1,
  /** usage, config or input errors */
  input: 2,
  /** interrupted by Ctrl-C */
  interrupted: 130,
  /** stopped cleanly by SIGHUP (128 + 1) */
  hangup: 129,
  /** stopped cleanly by SIGTERM (128 + 15: `timeout`, CI runners, `docker stop`) */
  terminated: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

const input = ExitCode.input;

export const errorCodes = {
  'article.binary': { message: 'articles:binary', exit: input },
  'article.blockTooLarge': { message: 'articles:blockTooLarge', exit: input },
  'article.changedWhileRead': { message: 'articles:changedWhileRead', exit: input },
  'article.empty': { message: 'articles:empty', exit: input },
  'article.encoding': { message: 'articles:encoding', exit: input },
  'article.frontMatterNotMap': { message: 'articles:frontMatterNotMap', exit: input },
  'article.frontMatterUnterminated': { message: 'articles:frontMatterUnterminated', exit: input },
  'article.frontMatterYaml': { message: 'articles:frontMatterYaml', exit: input },
  'article.hidden': { message: 'articles:hidden', exit: input },
  'article.isDirectory': { message: 'articles:isDirectory', exit: input },
  'article.lineEndings': { message: 'articles:lineEndings', exit: input },
  'article.notFound': { message: 'articles:notFound', exit: input },
  'article.notSourceLanguage': { message: 'articles:notSourceLanguage', exit: input },
  'article.outsideWorkspace': { message: 'articles:outsideWorkspace', exit: input },
  'article.tooDeep': { message: 'articles:tooDeep', exit: input },
  'article.unknownFolder': { message: 'articles:unknownFolder', exit: input },
  'article.unknownLanguage': { message: 'articles:unknownLanguage', exit: input },
  'article.utf16': { message: 'articles:utf16', exit: input },
  'check.cannotWrite': { message: 'check:error.cannotWrite', exit: input },
  'check.isDirectory': { message: 'check:error.isDirectory', exit: input },
  'check.noSourceArticle': { message: 'check:error.noSourceArticle', exit: input },
  'check.notATargetLanguage': { message: 'check:error.notATargetLanguage', exit: input },
  'check.notFound': { message: 'check:error.notFound', exit: input },
  'check.targetOnlyNeedsFiles': { message: 'check:error.targetOnlyNeedsFiles', exit: input },
  'check.targetOnlyNeedsLang': { message: 'check:error.targetOnlyNeedsLang', exit: input },
  'check.unknownLanguage': { message: 'check:error.unknownLanguage', exit: input },
  'check.unknownRule': { message: 'check:error.unknownRule', exit: input },
  'check.unreadable': { message: 'check:error.unreadable', exit: input },
  'cli.badJobs': { message: 'cli:error.badJobs', exit: input },
  'config.invalid': { message: 'config:expectedMap', exit: input },
  'config.notFound': { message: 'config:notFoundIn', exit: input },
  'config.yaml': { message: 'config:invalidYaml', exit: input },
  'edit.broken': { message: 'memory:edit.structure', exit: input },
  'engine.apertium.notInstalled': { message: 'engines:apertium.notInstalled', exit: input },
  'engine.apertium.unsupportedPair': { message: 'engines:apertium.unsupportedPair', exit: input },
  'engine.deepl.missingKey': { message: 'engines:deepl.missingKey', exit: input },
  'engine.unknown': { message: 'engines:select.unknown', exit: input },
  'glossary.add.badPair': { message: 'glossaryAdd:badPair', exit: input },
  'glossary.add.duplicateId': { message: 'glossaryAdd:duplicateId', exit: input },
  'glossary.add.fileOutside': { message: 'glossaryAdd:fileOutside', exit: input },
  'glossary.add.invalid': { message: 'glossaryAdd:invalid', exit: input },
  'glossary.add.twoForms': { message: 'glossaryAdd:twoForms', exit: input },
  'glossary.add.yaml': { message: 'glossaryAdd:badFile', exit: input },
  'glossary.conflictingTargets': { message: 'glossary:lint.conflictingTargets', exit: input },
  'glossary.duplicateForm': { message: 'glossary:lint.duplicateForm', exit: input },
  'glossary.duplicateId': { message: 'glossary:lint.duplicateId', exit: input },
  'glossary.emptyForm': { message: 'glossary:lint.emptyForm', exit: input },
  'glossary.encoding': { message: 'glossary:problem.encoding', exit: input },
  'glossary.forbiddenIsAccepted': { message: 'glossary:lint.forbiddenIsAccepted', exit: input },
  'glossary.invalid': { message: 'glossary:error.invalid', exit: input },
  'glossary.missingTargetForm': { message: 'glossary:lint.missingTargetForm', exit: input },
  'glossary.noSourceForm': { message: 'glossary:lint.noSourceForm', exit: input },
  'glossary.paddedForm': { message: 'glossary:lint.paddedForm', exit: input },
  'glossary.redundantVariant': { message: 'glossary:lint.redundantVariant', exit: input },
  'glossary.schema': { message: 'glossary:schema.required', exit: input },
  'glossary.sync.badState': { message: 'glossary:sync.badState', exit: input },
  'glossary.sync.failed': { message: 'glossary:sync.failed', exit: input },
  'glossary.sync.noKey': { message: 'glossary:sync.noKey', exit: input },
  'glossary.unknownEntry': { message: 'glossary:error.unknownEntry', exit: input },
  'glossary.unreadable': { message: 'glossary:error.unreadable', exit: input },
  'glossary.variantIsOtherForm': { message: 'glossary:lint.variantIsOtherForm', exit: input },
  'glossary.yaml': { message: 'glossary:problem.yaml', exit: input },
  'init.noLanguage': { message: 'setup:init.noLanguage', exit: input },
  'init.sameLanguage': { message: 'setup:init.sameLanguage', exit: input },
  'init.unknownLanguage': { message: 'setup:init.unknownLanguage', exit: input },
  'interchange.doctype': { message: 'memory:interchange.doctype', exit: input },
  'interchange.invalidXml': { message: 'memory:interchange.invalidXml', exit: input },
  'interchange.missingAttribute': { message: 'memory:interchange.missingAttribute', exit: input },
  'interchange.missingFormat': { message: 'memory:command.export.formatMissing', exit: input },
  'interchange.noArticles': { message: 'memory:interchange.noArticles', exit: input },
  'interchange.notXliff': { message: 'memory:interchange.notXliff', exit: input },
  'interchange.staleState': { message: 'memory:interchange.staleState', exit: input },
  'interchange.tmxOnePair': { message: 'memory:interchange.tmxOnePair', exit: input },
  'interchange.tmxPair': { message: 'memory:interchange.tmxPair', exit: input },
  'interchange.unknownFormat': { message: 'memory:interchange.unknownFormat', exit: input },
  'interchange.unreadable': { message: 'memory:interchange.unreadable', exit: input },
  'lock.busy': { message: 'memory:lock.busy', exit: input },
  'lock.failed': { message: 'memory:lock.failed', exit: input },
  'path.symlinkOutside': { message: 'config:symlinkOutside', exit: input },
  'review.badPort': { message: 'review:error.badPort', exit: input },
  'review.listenFailed': { message: 'review:error.listenFailed', exit: input },
  'review.noState': { message: 'review:error.noState', exit: input },
  'review.nothingSelected': { message: 'review:error.nothingSelected', exit: input },
  'review.outputEdited': { message: 'review:error.outputEdited', exit: input },
  'review.portInUse': { message: 'review:error.portInUse', exit: input },
  'review.segmentAndAll': { message: 'review:error.segmentAndAll', exit: input },
  'review.sourceChanged': { message: 'review:error.sourceChanged', exit: input },
  'review.targetNotConfigured': { message: 'review:error.targetNotConfigured', exit: input },
  'review.unknownArticle': { message: 'review:error.unknownArticle', exit: input },
  'review.unknownSegment': { message: 'review:error.unknownSegment', exit: input },
  'state.contradiction': { message: 'memory:state.contradictionNoTarget', exit: input },
  'state.invalidJson': { message: 'memory:state.invalidJson', exit: input },
  'state.invalidShape': { message: 'memory:state.invalidShape', exit: input },
  'state.mergeConflict': { message: 'memory:state.mergeConflict', exit: input },
  'state.otherArticle': { message: 'memory:state.otherArticle', exit: input },
  'state.unknownSegment': { message: 'memory:state.unknownSegment', exit: input },
  'state.unreadable': { message: 'memory:state.unreadable', exit: input },
  'translate.badNumber': { message: 'translate:error.badNumber', exit: input },
  'translate.noArticles': { message: 'translate:error.noArticles', exit: input },
  'translate.unknownTarget': { message: 'translate:error.unknownTarget', exit: input },
  'write.diskFull': { message: 'memory:write.diskFull', exit: input },
  'write.failed': { message: 'memory:write.failed', exit: input },
  'write.readOnly': { message: 'memory:write.readOnly', exit: input },
} as const satisfies Record<string, { message: MessageKey; exit: ExitCodeValue }>;

export type ErrorCode = keyof typeof errorCodes;

/** The code itself when `text` is one (a code read back from a cache file), else undefined. */
export function errorCode(text: string): ErrorCode | undefined {
  return Object.hasOwn(errorCodes, text) ? (text as ErrorCode) : undefined;
}
