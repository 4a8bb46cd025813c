import { expect, test } from '@jest/globals';
import { parseArticle } from '../../src/articles/read.js';
import { detectHumanEdits } from '../../src/reassembly/human-edits.js';
import { reassembleArticle } from '../../src/reassembly/reassemble.js';

test('a translator rewriting the whole file (new punctuation, longer sentences) is mapped back segment by segment', () => {
  const source =
    '# After the “Cut”\n\nHe spoke calmly. The crew cheered.\n\n> Fans asked: “Are they dating?”\n\nThe show ended. It was a record.\n';
  const article = parseArticle({
    path: 'en/a.md',
    relativePath: 'en/a.md',
    lang: 'en',
    text: source,
    frontMatterKeys: [],
  });
  const machine = new Map([
    [article.segments[0]!.id, 'Dopo il “Taglio”'],
    [article.segments[1]!.id, 'Lui parlò con calma.'],
    [article.segments[2]!.id, 'La troupe applaudì.'],
    [article.segments[3]!.id, 'I fan chiesero: “Stanno insieme?”'],
    [article.segments[4]!.id, 'Lo show finì.'],
    [article.segments[5]!.id, 'Fu un record.'],
  ]);
  expect(reassembleArticle(article, machine, 'it')).toBe(
    '# Dopo il “Taglio”\n\nLui parlò con calma. La troupe applaudì.\n\n> I fan chiesero: “Stanno insieme?”\n\nLo show finì. Fu un record.\n',
  );
  const edited =
    '# Dopo lo “Stop” del regista\n\nHa parlato con calma, quasi sottovoce. Tutta la troupe ha applaudito.\n\n> I fan si sono chiesti: “Stanno davvero insieme?”\n\nLo show è finito così. È stato un record, il 20,7%.\n';
  const detection = detectHumanEdits(article, machine, 'it', edited);
  expect(detection).toEqual({
    status: 'edited',
    edits: [
      { segmentId: article.segments[0]!.id, target: 'Dopo lo “Stop” del regista' },
      { segmentId: article.segments[1]!.id, target: 'Ha parlato con calma, quasi sottovoce.' },
      { segmentId: article.segments[2]!.id, target: 'Tutta la troupe ha applaudito.' },
      { segmentId: article.segments[3]!.id, target: 'I fan si sono chiesti: “Stanno davvero insieme?”' },
      { segmentId: article.segments[4]!.id, target: 'Lo show è finito così.' },
      { segmentId: article.segments[5]!.id, target: 'È stato un record, il 20,7%.' },
    ],
  });
});

test('two sentences merged into one, with another edit further down: the merge stays inside its paragraph', () => {
  const source =
    'He spoke calmly. The crew cheered.\n\nThe show ended. It was a record.\n\n| Week | Rank |\n|---|---|\n| April | First |\n';
  const article = parseArticle({
    path: 'en/b.md',
    relativePath: 'en/b.md',
    lang: 'en',
    text: source,
    frontMatterKeys: [],
  });
  const italian = [
    'Lui parlò con calma.',
    'La troupe applaudì.',
    'Lo show finì.',
    'Fu un record.',
    'Settimana',
    'Posizione',
    'Aprile',
    'Primo',
  ];
  expect(article.segments.map((segment) => segment.kind)).toEqual([
    'paragraph',
    'paragraph',
    'paragraph',
    'paragraph',
    'tableCell',
    'tableCell',
    'tableCell',
    'tableCell',
  ]);
  const machine = new Map(article.segments.map((segment, i) => [segment.id, italian[i]!]));
  const written = reassembleArticle(article, machine, 'it');
  expect(written).toBe(
    'Lui parlò con calma. La troupe applaudì.\n\nLo show finì. Fu un record.\n\n| Settimana | Posizione |\n|---|---|\n| Aprile | Primo |\n',
  );
  // A space before a sentence start ("Fu un record.") lies two blocks further on: it must not be taken.
  const edited = written
    .replace('Lui parlò con calma. La troupe applaudì.', 'Lui parlò con calma e la troupe applaudì.')
    .replace('| Primo |', '| 1° |');
  const detection = detectHumanEdits(article, machine, 'it', edited);
  if (detection.status !== 'edited') throw new Error(`expected edits, got ${JSON.stringify(detection)}`);
  const ids = article.segments.map((segment) => segment.id);
  expect(detection.edits.map((e) => e.segmentId)).toEqual([ids[0], ids[1], ids[7]]);
  expect(`${detection.edits[0]!.target} ${detection.edits[1]!.target}`).toBe(
    'Lui parlò con calma e la troupe applaudì.',
  );
  expect(detection.edits[2]!.target).toBe('1°');
});
