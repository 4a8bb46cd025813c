/**
 * The layer rules of storyloc (docs/ARCHITECTURE.md explains them), checked by `npm run layers` and by
 * test/architecture/layers.test.ts in `npm test`. Layers point one way:
 * text → segments → articles → glossary → engines/queue → memory → reassembly → review/check/interchange → cli.
 */
/** Every folder that knows about translation (what text and segments must not import). */
const translationFolders =
  '^src/(articles|glossary|engines|queue|memory|reassembly|review|check|interchange|translate|cli|config)/';

module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      comment: 'A module never depends on itself through others.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend on each other one way: a helper two folders need belongs in the lower one.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'text-and-segments-know-no-translation',
      comment: 'Plain text and segmentation are the lowest layers: no glossary, engine, queue, memory, review.',
      severity: 'error',
      from: { path: '^src/(text|segments|io)/' },
      to: { path: [translationFolders, '^src/pipeline\\.ts$', '^src/index\\.ts$'] },
    },
    {
      name: 'engines-know-no-terminal',
      comment: 'Engines translate text; printing, prompts and progress bars belong to cli/.',
      severity: 'error',
      from: { path: '^src/engines/' },
      to: { path: ['^src/(cli|review|check|queue)/', '^node_modules/cli-progress/'] },
    },
    {
      name: 'check-never-translates',
      comment: 'storyloc check runs in CI without a key or network: it never reaches an engine or the queue.',
      severity: 'error',
      from: { path: '^src/check/' },
      to: { path: '^src/(engines|queue)/' },
    },
    {
      name: 'only-cli-imports-cli',
      comment: 'The library never depends on the command line; cli/ is a thin layer over it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
