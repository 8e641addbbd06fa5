/**
 * The key under which header labels are compared: width-folded (NFKC), without spaces or
 * line breaks, lower-case. Used only to match labels, never to rewrite data.
 */
export function labelKey(label: string): string {
  return label.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}
