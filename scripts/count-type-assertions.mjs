#!/usr/bin/env node
// Counts type assertions (`x as T`, `<T>x`; `as const` aside) and `satisfies` in the project's
// TypeScript, per top-level folder, with the TypeScript compiler's own parser (a grep would count
// the word "as" in strings and comments). Usage: node scripts/count-type-assertions.mjs [--list]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const folders = ['main', 'shared', 'renderer', 'scripts', 'tests'];
const list = process.argv.includes('--list');

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(file);
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield file;
  }
}

const isConst = (type) => ts.isTypeReferenceNode(type) && type.typeName.getText() === 'const';
const totals = { assertions: 0, satisfies: 0 };
const rows = [];
for (const folder of folders) {
  if (!fs.existsSync(path.join(root, folder))) continue;
  const counts = { folder, assertions: 0, satisfies: 0 };
  for (const file of sourceFiles(path.join(root, folder))) {
    const text = fs.readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node) => {
      if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isConst(node.type)) {
        counts.assertions++;
        if (list) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          console.log(`${path.relative(root, file)}:${line + 1}: ${node.getText().replace(/\s+/g, ' ').slice(0, 120)}`);
        }
      }
      if (ts.isSatisfiesExpression(node)) counts.satisfies++;
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  rows.push(counts);
  totals.assertions += counts.assertions;
  totals.satisfies += counts.satisfies;
}
for (const { folder, assertions, satisfies } of rows)
  console.log(`${folder.padEnd(10)} as: ${String(assertions).padStart(4)}   satisfies: ${String(satisfies).padStart(4)}`);
console.log(`${'total'.padEnd(10)} as: ${String(totals.assertions).padStart(4)}   satisfies: ${String(totals.satisfies).padStart(4)}`);
