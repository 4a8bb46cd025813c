/**
 * Memory benchmarks (issue 5), on the generated 2,000-article corpus in a temp workspace (on /dev/shm
 * when the machine has it, so the figures measure storyloc and not the disk):
 * - `rerun_unchanged_s`: a rerun over the unchanged corpus after a full translation (goal ≤ 2 s), and
 *   `rerun_engine_calls` (goal 0);
 * - `edit_one_sentence_billed_ratio`: after editing one sentence of one article, the billed characters
 *   sent / that sentence's characters (goal 1.000).
 * The engine is the real pseudo engine, wrapped to count what it is sent.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { discardAfterBench } from './discard.js';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load.js';
import { createPseudoEngine } from '../src/engines/pseudo.js';
import type { Engine } from '../src/engines/types.js';
import { translateWorkspace } from '../src/translate/index.js';
import { billedCharacterCount } from '../src/queue/measure.js';
import { generateCorpus } from './corpus.js';
import { secondsSince } from './timing.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Run from bench/ (sources) or dist/bench/ (compiled): the example glossary is in the repository root.
const exampleGlossary = [path.resolve(here, '..', 'glossary'), path.resolve(here, '..', '..', 'glossary')].find((dir) =>
  existsSync(dir),
);

function countingPseudo(): Engine & { texts: string[]; calls: number } {
  const inner = createPseudoEngine();
  const engine = {
    name: inner.name,
    texts: [] as string[],
    calls: 0,
    enforcesGlossary: () => false,
    async translateBatch(request: Parameters<Engine['translateBatch']>[0]) {
      engine.calls++;
      engine.texts.push(...request.texts);
      return inner.translateBatch(request);
    },
  };
  return engine;
}

export async function benchMemory(options: { articles?: number } = {}): Promise<Record<string, number>> {
  const count = options.articles ?? 2000;
  const base = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = mkdtempSync(path.join(base, 'storyloc-bench-memory-'));
  try {
    writeFileSync(
      path.join(dir, 'storyloc.config.yaml'),
      'sourceLanguages: [en, ko]\ntargetLanguages: [it]\nengine:\n  default: pseudo\nqueue:\n  concurrency: 4\n',
    );
    if (exampleGlossary) cpSync(exampleGlossary, path.join(dir, 'glossary'), { recursive: true });
    const corpus = generateCorpus(count);
    for (const article of corpus) {
      const file = path.join(dir, 'articles', article.relativePath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, article.text);
    }
    const config = loadConfig({ workspace: dir });
    const run = (engine: Engine) =>
      translateWorkspace({ config, cwd: dir, env: {}, engineInstance: engine, editor: 'bench' });

    await run(countingPseudo());

    const rerunEngine = countingPseudo();
    const started = performance.now();
    await run(rerunEngine);
    const rerunSeconds = secondsSince(started);

    // Edit one sentence without glossary terms or markup (placeholders would shorten what is sent).
    const plain = (candidate: string): boolean => /^[A-Z][a-z ]+[a-z][.?]$/.test(candidate);
    let file = '';
    let text = '';
    let sentence = '';
    for (const article of corpus.filter((a) => a.lang === 'en')) {
      const paragraphs = article.text.split('\n\n').filter((block) => /^[A-Z]/.test(block));
      const found = paragraphs.flatMap((block) => block.split(/(?<=[.?]) (?=[A-Z])/)).find(plain);
      if (found) {
        file = path.join(dir, 'articles', article.relativePath);
        text = article.text;
        sentence = found;
        break;
      }
    }
    const editedSentence = sentence.replace(/[.?]$/, ' today.');
    writeFileSync(file, text.replace(sentence, editedSentence));
    const editEngine = countingPseudo();
    await run(editEngine);
    const billed = editEngine.texts.reduce((sum, sent) => sum + billedCharacterCount(sent), 0);

    return {
      rerun_unchanged_s: Math.round(rerunSeconds * 1000) / 1000,
      rerun_engine_calls: rerunEngine.calls,
      edit_one_sentence_billed_ratio: Math.round((billed / billedCharacterCount(editedSentence)) * 1000) / 1000,
    };
  } finally {
    discardAfterBench(dir);
  }
}
