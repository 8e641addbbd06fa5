/**
 * A definition's `source.file` is a file name in sources/ or a pattern of names: `*` stands for any
 * run of characters (none included) and `?` for one, so staff can upload each month's workbook under
 * a dated name (`hiratsuka-covid19-measures-*.xlsx`). Nothing else is special; names never hold `/`.
 */

const ANY = Symbol('*');
const ONE = Symbol('?');
type Token = string | typeof ANY | typeof ONE;

export const isPattern = (file: string): boolean => /[*?]/u.test(file);

const declared = (file: string): Token[] => [...file].map((c) => (c === '*' ? ANY : c === '?' ? ONE : c));

/** Whether the file name `name` (taken literally) is one the declared `file` (a name or a pattern) stands for. */
export function matchesSource(file: string, name: string): boolean {
  return sharedName(declared(file), [...name]);
}

/** Whether some file name matches both declared files: two definitions claiming it would be ambiguous. */
export function sourcesOverlap(a: string, b: string): boolean {
  return sharedName(declared(a), declared(b));
}

/**
 * Whether some name matches both token lists (a name is a list without wildcards, so this also matches
 * a name against a pattern). Memoised over the positions reached: time proportional to the product of
 * the lengths, whatever the patterns.
 */
function sharedName(a: Token[], b: Token[]): boolean {
  const failed = new Set<number>();
  const width = b.length + 1;
  const from = (i: number, j: number): boolean => {
    if (i === a.length && j === b.length) return true;
    const key = i * width + j;
    if (failed.has(key)) return false;
    // A `*` matches nothing more, or takes one more of the other side's tokens (a `*` there included).
    const found =
      (a[i] === ANY && (from(i + 1, j) || (j < b.length && from(i, j + 1)))) ||
      (b[j] === ANY && (from(i, j + 1) || (i < a.length && from(i + 1, j)))) ||
      (i < a.length && j < b.length && a[i] !== ANY && b[j] !== ANY && (a[i] === ONE || b[j] === ONE || a[i] === b[j]) && from(i + 1, j + 1));
    if (!found) failed.add(key);
    return found;
  };
  return from(0, 0);
}
