import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findWorkspace, loadConfig, parseConfig } from '../../src/config/load.js';
import { StorylocError } from '../../src/errors.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

afterAll(removeTempDirs);

function configError(text: string): StorylocError {
  try {
    parseConfig(text, '/ws/storyloc.config.yaml', '/ws');
  } catch (error) {
    if (error instanceof StorylocError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('storyloc.config.yaml', () => {
  test('defaults for an empty file', () => {
    const config = parseConfig('', '/ws/storyloc.config.yaml', '/ws');
    expect([
      config.sourceLanguages,
      config.targetLanguages,
      config.frontMatterKeys,
      config.paths.output,
      config.engine.default,
    ]).toEqual([['en', 'ko'], ['it'], ['title', 'summary'], '/ws/output', 'auto']);
  });

  test('values are read and resolved', () => {
    const config = parseConfig(
      'targetLanguages: [it, de]\npaths:\n  output: build/out\nqueue:\n  concurrency: 2\nengine:\n  deepl:\n    serverUrl: http://localhost:9000\n',
      '/ws/c.yaml',
      '/ws',
    );
    expect([
      config.targetLanguages,
      config.paths.output,
      config.queue.concurrency,
      config.engine.deepl.serverUrl,
    ]).toEqual([['it', 'de'], '/ws/build/out', 2, 'http://localhost:9000']);
  });

  test.each([
    ['an unknown key', 'sourceLanguages: [en]\ntargetLanguage: it\n', 'config:unknownKey', 2, 1],
    ['a wrong type', 'queue:\n  concurrency: many\n', 'config:expectedNumber', 2, 16],
    ['an unsupported language code', 'targetLanguages: [it, xx]\n', 'config:unsupportedLanguage', 1, 23],
    ['a nested unknown key', 'engine:\n  deepl:\n    key: secret\n', 'config:unknownKey', 3, 5],
    ['a path outside the workspace', 'paths:\n  output: ../elsewhere\n', 'config:pathOutside', 2, 11],
    ['invalid YAML', 'targetLanguages: [it\n', 'config:invalidYaml', 2, 1],
  ])('%s is reported with line and column', (_name, text, key, line, column) => {
    const error = configError(text);
    expect([error.messageKey, error.position]).toEqual([key, { file: '/ws/storyloc.config.yaml', line, column }]);
  });

  test('found from a subfolder upwards; --workspace must hold a config', () => {
    const dir = tempDir('storyloc-config-');
    writeFileSync(path.join(dir, 'storyloc.config.yaml'), 'targetLanguages: it\n');
    mkdirSync(path.join(dir, 'articles', 'en'), { recursive: true });
    expect(findWorkspace(path.join(dir, 'articles', 'en'))).toBe(dir);
    expect(loadConfig({ cwd: path.join(dir, 'articles') }).workspaceDir).toBe(dir);
    expect(() => loadConfig({ workspace: path.join(dir, 'articles') })).toThrow(StorylocError);
  });
});
