#!/usr/bin/env node
// Counts type assertions (`x as T`, `<T>x`; `as const` aside) and `satisfies` in the project's
// TypeScript, per top-level folder, with the TypeScript compiler's own parser (a grep would count
// the word "as" in strings and comments). Usage: node scripts/count-type-assertions.mjs [--list] [--max N]
// With --max, it fails (exit 1) when main, shared and renderer together hold more than N: `npm run
// lint` runs it so, and the ceiling comes down as assertions give way to checked types (issue 13).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const folders = ['main', 'shared', 'renderer', 'scripts', 'tests'];
/** The application's code, which the ceiling covers; scripts and tests may assert what they set up. */
const APP_FOLDERS = new Set(['main', 'shared', 'renderer']);
const list = process.argv.includes('--list');
const maxAt = process.argv.indexOf('--max');
const max = maxAt === -1 ? null : Number(process.argv[maxAt + 1]);
if (max !== null && !Number.isInteger(max)) {
  console.error('--max takes a whole number: the most type assertions main, shared and renderer may hold.');
  process.exit(2);
}

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
if (max !== null) {
  const app = rows.filter((row) => APP_FOLDERS.has(row.folder)).reduce((sum, row) => sum + row.assertions, 0);
  if (app > max) {
    console.error(
      `main, shared and renderer hold ${app} type assertions, more than the ${max} allowed. Check the value instead (a zod schema at a boundary, a type guard, a typed helper); node scripts/count-type-assertions.mjs --list shows where they are.`,
    );
    process.exit(1);
  }
  console.log(`main, shared and renderer: ${app} type assertions, within the ${max} allowed.`);
}
