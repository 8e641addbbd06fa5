/**
 * What the real-inflation guard costs: reading a workbook the old way (SheetJS inflates the ZIP itself)
 * against the guarded way (inflateParts inflates every part once under a byte cap, SheetJS reads a
 * stored ZIP). Run: npx tsx test/bench/readCost.ts
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { inspectContainer, DEFAULT_LIMITS } from '../../pipeline/ingest/container.ts';
import { inflateParts } from '../../pipeline/ingest/inflateParts.ts';
import { row, standardRows, workbookBytes } from '../fixtures/workbooks.ts';
import { SOURCE_WORKBOOK } from '../helpers/project.ts';

const OPTIONS: XLSX.ParsingOptions = { dense: true, cellFormula: true, cellNF: true, cellHTML: false, cellText: false, cellStyles: false, type: 'buffer' };


function time(run: () => void, repeat: number): number {
  run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  // The fastest run: the least disturbed by whatever else the machine is doing.
  return Math.min(...times);
}

function measure(name: string, bytes: Uint8Array, repeat: number): void {
  const check = inspectContainer(bytes, name);
  if (!check.ok || !check.parts) throw new Error('fixture refused');
  const parts = check.parts;
  const inflated = inflateParts(bytes, parts, name, DEFAULT_LIMITS);
  if (!inflated.ok) throw new Error('fixture refused');
  const stored = inflated.zip;
  const direct = time(() => XLSX.read(bytes, OPTIONS), repeat);
  const gate = time(() => inspectContainer(bytes, name), repeat);
  const inflate = time(() => inflateParts(bytes, parts, name, DEFAULT_LIMITS), repeat);
  const fromStored = time(() => XLSX.read(stored, OPTIONS), repeat);
  const guarded = gate + inflate + fromStored;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `${name} (${(bytes.length / 1024).toFixed(0)} KB zipped, ${(stored.length / 1024).toFixed(0)} KB inflated): ` +
      `SheetJS inflating itself ${ms(direct)}; guarded ${ms(guarded)} = gate ${ms(gate)} + inflate under cap and re-zip ${ms(inflate)} + SheetJS on the stored zip ${ms(fromStored)} ` +
      `(${guarded >= direct ? '+' : ''}${(((guarded - direct) / direct) * 100).toFixed(0)}%)`,
  );
}

const big = workbookBytes({ rows: standardRows(Array.from({ length: 20_000 }, (_, i) => row(i + 1))) }, 'xlsx');
const compressed = new Uint8Array(XLSX.write(XLSX.read(big, { type: 'buffer' }), { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
measure('85-row source workbook', readFileSync(SOURCE_WORKBOOK), 15);
measure('20,000-row workbook', compressed, 5);
