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

  const changes = diffWordsWithSpace(encode(oldTokens), encode(newTokens));
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
