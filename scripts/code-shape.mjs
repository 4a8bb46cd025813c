/**
 * Measures the house rules on code shape (issue 14): functions longer than a line limit and lines longer than a
 * character limit, in the TypeScript files below a folder. Shared by scripts/long-functions.mjs (a listing for
 * people) and test/architecture/code-shape.test.ts (the rule CI enforces).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every `.ts` file below `dir`, in directory order. */
export function* typeScriptFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

function nameOf(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (
    parent &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
  )
    return parent.name.getText();
  return '(anonymous)';
}

/** Functions (declarations, expressions, arrows, methods) longer than `limit` lines, longest first. */
export function longFunctions(root, limit = 80) {
  const found = [];
  for (const file of typeScriptFiles(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (
        ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isArrowFunction(node) ||
        ts.isMethodDeclaration(node)
      ) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > limit) found.push({ lines, file, line: start + 1, name: nameOf(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort((a, b) => b.lines - a.lines);
}

/** Lines longer than `limit` characters, in files whose path (relative to `root`) no `exclude` pattern matches. */
export function longLines(root, limit = 120, exclude = []) {
  const found = [];
  for (const file of typeScriptFiles(root)) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (exclude.some((pattern) => pattern.test(relative))) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (text.length > limit) found.push({ file, line: index + 1, length: text.length });
      });
  }
  return found;
}
