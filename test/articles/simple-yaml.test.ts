import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { parseSimpleFrontMatter } from '../../src/articles/simple-yaml.js';
import { generateCorpus } from '../../bench/corpus.js';

const root = path.resolve(import.meta.dirname, '../..');

/** What the real YAML parser says: null on errors or non-map documents, else the top-level scalars. */
function viaYaml(
  yaml: string,
): Array<{ key: string; value: unknown; start: number; end: number; scalarType: string | undefined }> | null {
  const document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) return null;
  const contents = document.contents;
  if (contents === null) return [];
  if (!isMap(contents)) return null;
  return contents.items.flatMap((pair) => {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!isScalar(key) || !isScalar(value) || !value.range) return [];
    return [
      {
        key: String(key.value),
        value: value.value,
        start: value.range[0],
        end: value.range[1],
        scalarType: value.type,
      },
    ];
  });
}

function frontMatterOf(text: string): string | null {
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---\n', 3);
  return end === -1 ? null : text.slice(4, end + 1);
}

const handmade = [
  'title: Plain title\nlang: en\n',
  'title: "Double \\"quoted\\" \\u00e8"\n',
  "title: 'It''s single'\n",
  'title: Queen of Tears # a comment\nsummary: C# and F#\n',
  'title: http://example.com/a:b\n',
  'count: 12\nratio: 20.7\nhex: 0x1F\noct: 0o17\nflag: true\nnothing: ~\nlater: null\nyes: yes\ndate: 2024-04-16\n',
  '# only a comment\n\ntitle: after a blank line\n',
  'title: "ends with spaces"   \n',
  'title: trailing spaces   \n',
  'inf: .inf\nnan: .NaN\npos: +.Inf\n',
  // everything below must be left to the real parser (null from the fast path)
  'title: Colon: inside\n',
  'title: a\ntitle: b\n',
  'tags: [k-drama, tvN]\n',
  'authors:\n  - Kim\n',
  'title: >-\n  folded\n',
  'title: "unterminated\n',
  "title: 'two\n  lines'\n",
  'title: multi\n  line plain\n',
  'title: "\\x41 yaml escape"\n',
  'title: &anchor value\n',
  'title: !tag value\n',
  '- a list\n',
  'title:no-space\n',
  'title: -dash start\n',
  'key:\n',
  // keys the core schema resolves to null or booleans (`null:` is the key null, `True:` is true)
  'null: x\n',
  'Null: a\nNULL: b\n',
  'True: yes\n',
];

describe('the front-matter fast path agrees with the yaml library', () => {
  test('on hand-written cases: the same values and ranges, or a fallback', () => {
    let fast = 0;
    for (const yaml of handmade) {
      const simple = parseSimpleFrontMatter(yaml);
      if (simple === null) continue;
      fast++;
      expect({ yaml, entries: simple }).toEqual({ yaml, entries: viaYaml(yaml) });
    }
    expect(fast).toBe(10);
    expect(handmade.slice(10).map((yaml) => parseSimpleFrontMatter(yaml))).toEqual(handmade.slice(10).map(() => null));
  });

  test('on every front matter of the fixtures, the example workspace and the bench corpus', () => {
    const files = [
      ...readdirSync(path.join(root, 'test/fixtures/markdown')).map((name) =>
        path.join(root, 'test/fixtures/markdown', name),
      ),
      path.join(root, 'articles/en/queen-of-tears.md'),
      path.join(root, 'articles/ko/queen-of-tears.md'),
    ];
    const samples = [
      ...files.map((file) => readFileSync(file, 'utf8')),
      ...generateCorpus(300).map((article) => article.text),
    ];
    let compared = 0;
    for (const text of samples) {
      const yaml = frontMatterOf(text);
      if (yaml === null) continue;
      const simple = parseSimpleFrontMatter(yaml);
      if (simple === null) continue;
      expect(simple).toEqual(viaYaml(yaml));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(300);
  });
});
