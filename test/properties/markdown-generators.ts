/**
 * fast-check generators of news-like Markdown: front matter, headings, paragraphs with inline markup,
 * lists and quotes nested in each other, tables, fenced code, rules; Korean, Italian and English words,
 * entities and punctuation. Containers nest as deep as asked (the documented limit and past it).
 */
import fc from 'fast-check';

const words = [
  // English
  'The',
  'minister',
  'said',
  'Mr.',
  'Lee',
  'on',
  'Monday',
  '3.5%',
  '"quoted"',
  'U.S.',
  'e.g.',
  '(aside)',
  'end.',
  'Why?',
  // Italian
  'perché',
  'città',
  'è',
  'già',
  "l'amico",
  'caffè',
  'Sì.',
  'più',
  'È',
  // Korean
  '김수현이',
  '웃었다.',
  '눈물의',
  '여왕',
  '서울에서',
  '기자',
  '“인용”',
  '했다.',
  // characters Markdown or XML care about
  '&amp;',
  'a&b',
  '<3',
  'x_y',
  '1.',
  '#tag',
  '\\*',
  'AT&T',
];

const plain = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 7 }).map((list) => list.join(' '));

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: plain },
  plain.map((text) => `*${text}*`),
  plain.map((text) => `**${text}**`),
  plain.map((text) => `_${text}_`),
  plain.map((text) => `\`${text}\``),
  fc
    .tuple(plain, fc.constantFrom('https://example.com/a?b=1', '/news/2024', 'mailto:desk@example.com'))
    .map(([text, url]) => `[${text}](${url})`),
  fc.tuple(plain, plain).map(([alt, title]) => `![${alt}](photo.jpg "${title.replace(/"/g, '')}")`),
  fc.constantFrom('<br>', '<span>x</span>', 'https://example.org', '~~struck~~'),
);

/** One line of prose: inline pieces joined by spaces. */
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(' '));

const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.tuple(line, fc.constantFrom('===', '---')).map(([text, underline]) => `${text}\n${underline}`),
);
const code = fc
  .tuple(fc.constantFrom('```', '~~~', '```js'), fc.array(plain, { maxLength: 3 }))
  .map(([fence, lines]) => `${fence}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${fence.slice(0, 3)}`);
const table = fc
  .integer({ min: 1, max: 3 })
  .chain((columns) =>
    fc
      .tuple(
        fc.array(plain, { minLength: columns, maxLength: columns }),
        fc.array(fc.array(inline, { minLength: columns, maxLength: columns }), { maxLength: 3 }),
      )
      .map(([header, rows]) =>
        [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n'),
      ),
  );
const rule = fc.constantFrom('---', '***', '* * *');
const leaf = fc.oneof({ weight: 4, arbitrary: paragraph }, heading, code, table, rule);

/** Prefixes every line of `block` (blank lines get the prefix without trailing spaces). */
function prefixLines(block: string, first: string, rest: string): string {
  return block
    .split('\n')
    .map((text, index) =>
      text === '' ? (index === 0 ? first : rest).trimEnd() : `${index === 0 ? first : rest}${text}`,
    )
    .join('\n');
}

/** A list item: the marker on the first line, continuation lines indented to the content. */
const listItem = (marker: string, content: string): string =>
  prefixLines(content, `${marker} `, ' '.repeat(marker.length + 1));

/** Blocks with containers nested at most `depth` deep. */
export function blockArbitrary(depth: number): fc.Arbitrary<string> {
  if (depth === 0) return leaf;
  const inner = blockArbitrary(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    inner.map((block) => prefixLines(block, '> ', '> ')),
    fc
      .tuple(fc.constantFrom('-', '*', '+', '1.', '2)'), fc.array(inner, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([marker, items, loose]) => items.map((item) => listItem(marker, item)).join(loose ? '\n\n' : '\n')),
  );
}

// valid YAML scalars (a plain value may not start with a quote or hold `: `): double- or single-quoted
const frontMatterValue = fc.oneof(
  plain.map((text) => JSON.stringify(text)),
  plain.map((text) => `'${text.replace(/'/g, "''")}'`),
);
const frontMatter = fc
  .tuple(
    frontMatterValue,
    fc.option(frontMatterValue, { nil: undefined }),
    fc.constantFrom('', 'date: 2024-05-01\n', 'tags: [a, b]\n'),
  )
  .map(
    ([title, summary, extra]) =>
      `---\ntitle: ${title}\n${summary === undefined ? '' : `summary: ${summary}\n`}${extra}---\n`,
  );

export interface GeneratedStory {
  text: string;
  /** the story uses Windows line endings throughout */
  crlf: boolean;
}

/** A whole story: optional front matter, blocks separated by blank lines, LF or CRLF. */
export function storyArbitrary(depth: number): fc.Arbitrary<GeneratedStory> {
  return fc
    .tuple(
      fc.option(frontMatter, { nil: '' }),
      fc.array(blockArbitrary(depth), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('\n', ''),
      fc.integer({ min: 0, max: 9 }),
    )
    .map(([front, blocks, end, lineEndingDraw]) => {
      const text = `${front}${blocks.join('\n\n')}${end}`;
      const crlf = lineEndingDraw === 0 && text.includes('\n');
      return { text: crlf ? text.replace(/\n/g, '\r\n') : text, crlf };
    });
}

/** Quotes and lists nested exactly `depth` deep around one paragraph. */
export function nestedArbitrary(maxDepth: number): fc.Arbitrary<{ text: string; depth: number }> {
  return fc
    .tuple(fc.array(fc.constantFrom('> ', '- ', '1. '), { minLength: 1, maxLength: maxDepth }), paragraph)
    .map(([markers, body]) => ({
      text: `${markers.reduceRight((inner, marker) => prefixLines(inner, marker, marker === '> ' ? '> ' : ' '.repeat(marker.length)), body)}\n`,
      depth: markers.length,
    }));
}
