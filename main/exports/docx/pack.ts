import { Packer, type Document } from 'docx';
import { isRecord } from '../../../shared/guards';
import { forgetTables, spliceTables } from './prebuilt-table';
import { zipPackage, type PackageEntry } from './zip-package';

/**
 * Writes a document's parts with docx's compiler and zips them with Node's zlib (zip-package.ts),
 * putting the prebuilt tables (prebuilt-table.ts) into document.xml on the way.
 *
 * `Packer.toBuffer` does the same three steps, but runs the whole 22 MB document.xml of a
 * 5,000-activity plan through two regular-expression passes for image placeholders and a
 * JavaScript deflate: together over a second of the plan's export. The compiler is the one docx
 * uses inside `Packer.pack` (a private member, so read here with `Reflect`); docx is pinned to an
 * exact version, and the document tests re-read every part of the files written this way.
 */

type CompiledParts = ReadonlyMap<string, string | Uint8Array>;

function compileParts(document: Document): CompiledParts {
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  const compile: unknown = isRecord(compiler) ? compiler.compile : undefined;
  if (typeof compile !== 'function') throw new Error("docx's compiler is not where this version of Pamoja JWP expects it (main/exports/docx/pack.ts).");
  const parts: unknown = Reflect.apply(compile, compiler, [document, undefined, []]);
  if (!(parts instanceof Map)) throw new Error("docx's compiler returned no parts.");
  const checked = new Map<string, string | Uint8Array>();
  for (const [path, data] of parts) {
    if (typeof path !== 'string' || !(typeof data === 'string' || data instanceof Uint8Array))
      throw new Error(`docx wrote a part that is not text or bytes: ${String(path)}.`);
    checked.set(path, data);
  }
  return checked;
}

const DOCUMENT_PART = 'word/document.xml';

/** The .docx file of a document whose tables may be prebuilt. */
export async function packDocx(document: Document): Promise<Buffer> {
  forgetTables(document);
  const entries: PackageEntry[] = [];
  for (const [path, data] of compileParts(document)) {
    if (path === DOCUMENT_PART && typeof data === 'string') {
      entries.push({ path, data: Buffer.concat(spliceTables(document, data)) });
    } else {
      entries.push({ path, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
    }
  }
  return zipPackage(entries);
}
