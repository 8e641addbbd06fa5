/** Text → HTML text or attribute value. Every value from data passes through here. */
export function esc(text: string | number): string {
  return String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Japanese first, English beside it, marked as English for screen readers and fonts. */
export function bilingual(ja: string, en: string): string {
  return ja === en ? esc(ja) : `${esc(ja)} <span class="en" lang="en">${esc(en)}</span>`;
}

/** 4666421 → 4,666,421 (fixed, no locale data: the same bytes on every machine). */
export function formatNumber(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
