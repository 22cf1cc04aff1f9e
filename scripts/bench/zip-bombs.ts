import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { crc32, deflateRawSync } from 'node:zlib';
import { writePackedZip, type PackedEntry } from '../../main/bundles/zip';
import { zerosBomb } from '../zip-bomb';
import type { BenchSection } from './sections';
import { benchChildResult } from './child';

const refusalRun = z.object({ ms: z.number(), baselineMb: z.number(), peakMb: z.number(), refusal: z.string() });

/** A 2 MB archive whose `bombed` entry declares 4 KB and inflates to 2 GB. */
function lyingArchive(entries: Record<string, string>, bombed: string): Uint8Array {
  const packed: PackedEntry[] = Object.entries(entries).map(([name, text]) => {
    const data = Buffer.from(text);
    return { name, method: 8, packed: deflateRawSync(data), crc: crc32(data), size: data.length };
  });
  packed.push({ name: bombed, method: 8, packed: zerosBomb(2048), crc: 0, size: 4096 });
  return writePackedZip(packed);
}

/**
 * Zip bombs that lie about their sizes (issue 14): each is refused in a fresh process, which
 * reports its time and its peak memory above Node's own. Targets: under 1 s and 200 MB.
 */
export const zipBombsBench: BenchSection = {
  title: 'Zip bombs: 2 MB files declaring 4 KB that inflate to 2 GB (targets: refused < 1 s, memory < 200 MB)',
  run({ dir, line, fmt }) {
    const files = {
      xlsx: lyingArchive({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }, 'xl/worksheets/sheet1.xml'),
      jwpb: lyingArchive({ 'manifest.json': '{}', 'signature.json': '{}' }, 'rows/activity.json'),
    };
    for (const [kind, bytes] of Object.entries(files)) {
      const file = path.join(dir, `bomb.${kind}`);
      fs.writeFileSync(file, bytes);
      const result = benchChildResult('zip-bomb-child.ts', [kind, file], refusalRun);
      line(
        `.${kind} (${fmt(bytes.length / 1024 / 1024, 1)} MB file)`,
        `refused in ${fmt(result.ms)} ms, peak memory ${fmt(result.peakMb)} MB (Node alone ${fmt(result.baselineMb)} MB)`,
      );
      line('  refusal', result.refusal.slice(0, 150));
    }
  },
};
