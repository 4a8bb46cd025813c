/**
 * Segmentation benchmarks (issue 2): parse + segment + reassemble over the generated corpus, on one
 * core (this process), warm (see bestSecondsWarm for why the throughput runs force no collection).
 */
import { parseArticle } from '../src/articles/read.js';
import { reassembleArticle, reassembleArticlePieces } from '../src/reassembly/reassemble.js';
import { alignedUnifiedDiff } from '../src/review/aligned-diff.js';
import { createRandom } from '../test/support/random.js';
import { corpusBytes, generateCorpus, englishSentence, type CorpusArticle } from './corpus.js';
import { bestSeconds, bestSecondsWarm, collectGarbage } from './timing.js';

function processCorpus(corpus: readonly CorpusArticle[]): number {
  let segments = 0;
  for (const article of corpus) {
    const parsed = parseArticle({
      path: article.relativePath,
      relativePath: article.relativePath,
      lang: article.lang,
      text: article.text,
      frontMatterKeys: ['title', 'summary'],
    });
    const output = reassembleArticle(parsed, new Map(), parsed.lang);
    if (output.length !== article.text.length) throw new Error(`round trip changed ${article.relativePath}`);
    segments += parsed.segments.length;
  }
  return segments;
}

function bigParagraph(bytes: number): string {
  const random = createRandom(7);
  let text = '';
  while (text.length < bytes) text += `${englishSentence(random)} `;
  return `${text.trimEnd()}\n`;
}

/**
 * One block that holds many pieces of inline markup over many lines (no sentence end), and one with many
 * images whose alt text and titles are segments: both used to cost time quadratic in the block size.
 */
function markupLines(lines: number): string {
  return `${Array.from({ length: lines }, (_, i) => `word *em${i}* and [link](http://example.com/${i})`).join('\n')}\n`;
}
function imageSentences(count: number): string {
  return `${Array.from({ length: count }, (_, i) => `Sentence ${i} has ![alt text ${i}](i${i}.png "Title ${i}") here.`).join(' ')}\n`;
}

/**
 * The review diff of one paragraph of `sentences` sentences on one line, every sentence translated: the
 * line boundaries around each changed piece used to be searched from the piece, which crossed the whole
 * line again for every sentence (quadratic: 20,000 sentences took 24 s).
 */
function longLineDiff(sentences: number): () => void {
  const text = `${Array.from({ length: sentences }, (_, i) => `Sentence number ${i} ends here with a few more words.`).join(' ')}\n`;
  const article = parseArticle({
    path: 'x.md',
    relativePath: 'en/x.md',
    lang: 'en',
    text,
    frontMatterKeys: [],
    maxBlockChars: 0,
  });
  const targets = new Map(article.segments.map((segment) => [segment.id, `IT ${segment.text}`]));
  const before = reassembleArticlePieces(article, new Map(), 'it');
  const after = reassembleArticlePieces(article, targets, 'it');
  const names = { oldFileName: 'a/x.md', newFileName: 'b/x.md', oldHeader: '', newHeader: '' };
  return () => {
    if (alignedUnifiedDiff(names, before, after, 3) === null) throw new Error('the long-line pieces do not align');
  };
}

export async function benchSegment(): Promise<Record<string, number>> {
  const corpus = generateCorpus(2000);
  const doubled = [...corpus, ...generateCorpus(2000, 43)];
  collectGarbage(); // the corpora are built: start from a clean heap, then measure warm
  const single = bestSecondsWarm(9, () => processCorpus(corpus));
  const double = bestSecondsWarm(9, () => processCorpus(doubled));
  const megabytes = corpusBytes(corpus) / 1e6;

  const parseBig = (text: string) => () => {
    parseArticle({
      path: 'big.md',
      relativePath: 'en/big.md',
      lang: 'en',
      text,
      frontMatterKeys: [],
      maxBlockChars: 0,
    });
  };
  const big = bigParagraph(5_000_000);
  const half = bigParagraph(2_500_000);
  // short timings (0.1–0.2 s) are the noisiest on a shared machine: more runs for their best
  const bigSeconds = bestSeconds(9, parseBig(big));
  const halfSeconds = bestSeconds(9, parseBig(half));
  const markupScaling = bestSeconds(5, parseBig(markupLines(16_000))) / bestSeconds(5, parseBig(markupLines(8_000)));
  const imagesScaling =
    bestSeconds(5, parseBig(imageSentences(8_000))) / bestSeconds(5, parseBig(imageSentences(4_000)));
  const diffSeconds = bestSeconds(5, longLineDiff(20_000));
  const diffHalfSeconds = bestSeconds(5, longLineDiff(10_000));
  return {
    segment_corpus_mb: Number(megabytes.toFixed(2)),
    segment_mb_per_s: Number((megabytes / single).toFixed(1)),
    segment_scaling: Number((double / single).toFixed(2)),
    segment_big_paragraph_s: Number(bigSeconds.toFixed(2)),
    segment_big_paragraph_scaling: Number((bigSeconds / halfSeconds).toFixed(2)),
    segment_markup_lines_scaling: Number(markupScaling.toFixed(2)),
    segment_image_alts_scaling: Number(imagesScaling.toFixed(2)),
    review_diff_long_line_s: Number(diffSeconds.toFixed(3)),
    review_diff_long_line_scaling: Number((diffSeconds / diffHalfSeconds).toFixed(2)),
  };
}
