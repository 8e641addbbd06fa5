import { cutText } from '../problem/cutText.ts';
import { esc, formatNumber } from './html.ts';

export interface Bar {
  label: string;
  value: number;
}

// About a phone's width at scale 1, so labels stay readable there; a longer label is cut (its <title> keeps it whole).
const WIDTH = 360;
const ROW = 40;
const BAR = 14;
const LABEL_SIZE = 12;
const VALUE_ROOM = 100;
const MAX_LABEL = 30;

/**
 * A horizontal bar chart as inline SVG, drawn at build time: a label line over each bar, the value
 * after it. Scales to any width through its viewBox; values and labels stay in the markup for
 * screen readers (title/desc) and for tests (data-label, data-value).
 */
export function renderBarChart(bars: Bar[], { title, unit }: { title: string; unit: string }): string {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const scale = (WIDTH - VALUE_ROOM) / (max || 1);
  const height = bars.length * ROW + 8;
  const desc = bars.map((b) => `${b.label}: ${formatNumber(b.value)}${unit}`).join('、');
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 4;
    const width = Math.round(bar.value * scale * 10) / 10;
    const label = cutText(bar.label, MAX_LABEL);
    return `<g class="bar" data-label="${esc(bar.label)}" data-value="${bar.value}">
<title>${esc(`${bar.label}: ${formatNumber(bar.value)}${unit}`)}</title>
<text x="0" y="${y + LABEL_SIZE}" font-size="${LABEL_SIZE}" fill="#1a1a1a">${esc(label)}</text>
<rect x="0" y="${y + LABEL_SIZE + 6}" width="${width}" height="${BAR}" fill="#1d5fa8"></rect>
<text x="${width + 6}" y="${y + LABEL_SIZE + 6 + BAR - 3}" font-size="${LABEL_SIZE}" fill="#1a1a1a">${esc(`${formatNumber(bar.value)} ${unit}`)}</text>
</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title chart-desc">
<title id="chart-title">${esc(title)}</title>
<desc id="chart-desc">${esc(desc)}</desc>
${rows.join('\n')}
</svg>`;
}
