/**
 * Word-level differences between two versions of a segment (jsdiff `diffWordsWithSpace`), with inline
 * tags kept whole: a tag is either unchanged, added or removed, never split into `<`, `g`, `id`…
 * Renderers turn the parts into `[-old-]{+new+}` markers, ANSI colours or HTML.
 */
import { diffWordsWithSpace } from 'diff';
import { tokenizeTaggedText, type TaggedToken } from './tagged-text.js';

export type DiffChange = 'same' | 'added' | 'removed';

export interface DiffPart {
  change: DiffChange;
  /** text runs (unescaped) and tags, in order */
  tokens: TaggedToken[];
}

/** First private-use code point used to stand for a tag while diffing. */
const PRIVATE_USE_START = 0xe000;

/**
 * Diffs two segment texts (tagged XML). `null` stands for "no text" (an untranslated or never
 * approved segment): everything in the other side is then added.
 */
export function diffSegmentWords(oldXml: string | null, newXml: string | null): DiffPart[] {
  const oldTokens = oldXml === null ? [] : tokenizeTaggedText(oldXml, true);
  const newTokens = newXml === null ? [] : tokenizeTaggedText(newXml, true);

  // Each distinct tag becomes one private-use character, which the word tokenizer treats as a single
  // punctuation token; characters already present in the texts are skipped so nothing is confused.
  const used = new Set<number>();
  for (const token of [...oldTokens, ...newTokens]) {
    if (token.type !== 'text') continue;
    for (const char of token.text) used.add(char.codePointAt(0)!);
  }
  const charOfTag = new Map<string, string>();
  const tagOfChar = new Map<string, TaggedToken>();
  let next = PRIVATE_USE_START;
  const encode = (tokens: TaggedToken[]): string =>
    tokens
      .map((token) => {
        if (token.type === 'text') return token.text;
        let char = charOfTag.get(token.raw);
        if (char === undefined) {
          while (used.has(next)) next++;
          char = String.fromCodePoint(next++);
          charOfTag.set(token.raw, char);
          tagOfChar.set(char, token);
        }
        return char;
      })
      .join('');

  const changes = joinChangesAcrossSpaces(diffWordsWithSpace(encode(oldTokens), encode(newTokens)));
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const kind: DiffChange = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const tokens: TaggedToken[] = [];
    let text = '';
    for (const char of change.value) {
      const tag = tagOfChar.get(char);
      if (tag === undefined) {
        text += char;
        continue;
      }
      if (text !== '') tokens.push({ type: 'text', text });
      text = '';
      tokens.push(tag);
    }
    if (text !== '') tokens.push({ type: 'text', text });
    if (tokens.length > 0) parts.push({ change: kind, tokens });
  }
  return parts;
}

interface WordChange {
  value: string;
  added: boolean;
  removed: boolean;
}

/**
 * A rewritten sentence diffed word by word keeps matching the spaces between the words, which reads as
 * `[-Era-]{+Shé+} [-crollata-]{+hád+} …`. A run of changes separated only by whitespace becomes one
 * removal and one addition (`[-Era crollata-]{+Shé hád+}`), as a reviewer reads it; the texts on either
 * side are unchanged (every character of both versions is still in exactly one part).
 */
export function joinChangesAcrossSpaces(changes: readonly WordChange[]): WordChange[] {
  const joined: WordChange[] = [];
  let removed = '';
  let added = '';
  let inRun = false;
  const flush = (): void => {
    if (removed !== '') joined.push({ value: removed, added: false, removed: true });
    if (added !== '') joined.push({ value: added, added: true, removed: false });
    removed = '';
    added = '';
    inRun = false;
  };
  changes.forEach((change, index) => {
    if (change.added || change.removed) {
      if (change.removed) removed += change.value;
      else added += change.value;
      inRun = true;
      return;
    }
    const next = changes[index + 1];
    if (inRun && /^\s+$/.test(change.value) && next !== undefined && (next.added || next.removed)) {
      removed += change.value;
      added += change.value;
      return;
    }
    flush();
    joined.push({ value: change.value, added: false, removed: false });
  });
  flush();
  return joined;
}

/** True when the diff has at least one added or removed part. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.change !== 'same');
}

/** Tokens → the editable form (text as read, tags verbatim). */
export function tokensToText(tokens: TaggedToken[]): string {
  return tokens.map((token) => (token.type === 'text' ? token.text : token.raw)).join('');
}

/** `[-removed-]{+added+}` markers, for logs, pipes and pull-request comments. */
export function formatDiffMarkers(parts: DiffPart[]): string {
  return parts
    .map((part) => {
      const text = tokensToText(part.tokens);
      if (part.change === 'removed') return `[-${text}-]`;
      if (part.change === 'added') return `{+${text}+}`;
      return text;
    })
    .join('');
}

const ANSI = {
  removed: '\u001b[31;9m', // red, struck through
  added: '\u001b[32;4m', // green, underlined (visible without colour perception too)
  reset: '\u001b[0m',
};

/** ANSI colours for a terminal. */
export function formatDiffAnsi(parts: DiffPart[]): string {
  return parts
    .map((part) => {
      const text = tokensToText(part.tokens);
      if (part.change === 'same') return text;
      return `${ANSI[part.change]}${text}${ANSI.reset}`;
    })
    .join('');
}
