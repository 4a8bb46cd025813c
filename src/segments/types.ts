/**
 * The segment contract every stage works on.
 *
 * Segment text is XML: plain text is escaped (&amp; &lt; &gt;) and inline Markdown is replaced by
 * XLIFF-style tags, so DeepL can translate it with `tag_handling=xml` and XLIFF export can copy it:
 *   - `<g id="N">…</g>` paired markup (emphasis, strong, strikethrough, link text);
 *   - `<x id="N"/>` standalone markup (inline code, image, line break, raw inline HTML, autolink).
 * The Markdown each tag stands for is kept in `tags`, so reassembly can put it back whatever the order
 * of tags in the translation.
 */
import type { Lang } from '../languages.js';

export type SegmentKind =
  | 'title' // front-matter `title`
  | 'frontMatter' // any other selected front-matter key
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'blockquote'
  | 'tableCell'
  | 'imageAlt'
  | 'imageTitle'
  | 'linkTitle';

export interface InlineTag {
  /** `g` = paired, `x` = standalone */
  type: 'g' | 'x';
  /** what kind of Markdown the tag stands for */
  markup: 'emphasis' | 'strong' | 'delete' | 'link' | 'image' | 'code' | 'break' | 'html' | 'autolink';
  /** the exact Markdown source of the opening part (`**`, `[`), or of the whole thing for `x` */
  open: string;
  /** the exact Markdown source of the closing part (`**`, `](url "title")`); empty for `x` */
  close: string;
  /** URL of a link or image (for checks: markup parity, links kept) */
  url?: string;
  /**
   * Nested translatable segments inside `open`/`close` (image alt text, link/image titles): their
   * translations are spliced into the tag's Markdown at these offsets.
   */
  nested?: Array<{ segmentId: string; part: 'open' | 'close'; start: number; end: number }>;
}

export interface Segment {
  /**
   * Stable id: kind + enclosing block structure + hash of the source text, with an occurrence suffix
   * when the same text appears twice in the same structure. Never the array index, so it survives
   * edits elsewhere in the article.
   */
  id: string;
  kind: SegmentKind;
  /** the container path, e.g. `blockquote>paragraph`, `list>listItem`, `frontMatter:title` */
  structure: string;
  /** source text with inline tags (XML-escaped) */
  text: string;
  /** sha256 (hex, 16 chars) of `text` normalised (NFC, whitespace collapsed) */
  sourceHash: string;
  /** 1-based line and column in the file where the segment starts */
  line: number;
  column: number;
  /** UTF-16 offsets of the source span in the file that the translation replaces */
  start: number;
  end: number;
  /**
   * Container prefixes (`> `, list indentation) found at the start of each continuation line of the
   * span, in order; reassembly puts them back after every newline of the translation.
   */
  linePrefixes: string[];
  /**
   * The prefix a line the translation adds (beyond `linePrefixes`) gets: the container prefix of the
   * segment's first line, list markers turned into spaces (`> `, `   `). Empty at the top level.
   */
  continuationPrefix?: string;
  /** inline tags by id (as a string: "1", "2", …) */
  tags: Record<string, InlineTag>;
  /** the plain text of the whole enclosing block (for DeepL `context`; not billed) */
  context: string;
  /** id of the segment whose tag contains this one (alt text, titles); absent for top-level spans */
  parentId?: string;
  /** front-matter key, for `title`/`frontMatter` segments */
  frontMatterKey?: string;
}

export interface FrontMatter {
  /** the raw YAML text between the fences */
  raw: string;
  /** offsets of the YAML text in the file */
  start: number;
  end: number;
  /** parsed data */
  data: Record<string, unknown>;
  /** offsets of the top-level `lang` value in the file, when there is one (reassembly sets it) */
  langRange?: { start: number; end: number };
}

export interface Article {
  /** path as given / resolved */
  path: string;
  /** path relative to the workspace `articles/` folder, with `/` separators (e.g. `en/queen.md`) */
  relativePath: string;
  /** source language (from the folder or front matter `lang`) */
  lang: Lang;
  /** the whole file as decoded text */
  source: string;
  frontMatter: FrontMatter | null;
  segments: Segment[];
}
