// The floor: read the workbook with SheetJS as fast as SheetJS can (dense cells; no cell text,
// HTML or number-format generation) and walk every row. Plain JavaScript, so nothing is compiled
// at start-up. Run: node test/bench/floor.mjs <file.xlsx>
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

const file = process.argv[2];
if (!file) throw new Error('usage: floor.mjs <file.xlsx>');
const workbook = XLSX.read(readFileSync(file), { type: 'buffer', dense: true, cellText: false, cellHTML: false, cellNF: false });
let rows = 0;
let cells = 0;
for (const name of workbook.SheetNames) {
  for (const row of workbook.Sheets[name]['!data'] ?? []) {
    if (!row) continue;
    rows++;
    for (const cell of row) if (cell && cell.v !== undefined) cells++;
  }
}
process.stdout.write(`${JSON.stringify({ rows, cells, maxRSS: process.resourceUsage().maxRSS })}\n`);
