/**
 * The top self-time functions of a V8 CPU profile (`node --cpu-prof`), as a table.
 * Run: node --import tsx test/bench/profileTop.ts <file.cpuprofile> [count]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

/** Self time per function (summed over every call site), highest first. */
export function topSelfTime(file: string, count = 15): { totalMs: number; top: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, SelfTime>();
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
    const name = functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, ms: 0, share: 0 };
    entry.ms += us / 1000;
    byFunction.set(key, entry);
  }
  const top = [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, count);
  for (const entry of top) entry.share = entry.ms / (total / 1000);
  return { totalMs: total / 1000, top };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error('usage: profileTop.ts <file.cpuprofile> [count]');
  const { totalMs, top } = topSelfTime(file, Number(count ?? 25));
  console.log(`total ${totalMs.toFixed(0)} ms`);
  for (const t of top) console.log(`${t.ms.toFixed(0).padStart(7)} ms ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.name}  ${t.where}`);
}
