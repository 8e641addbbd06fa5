/** The pages' only stylesheet: system fonts (no web fonts), readable on a phone, tables scroll in their own box. */
export const STYLES = `
:root { --fg: #1a1a1a; --muted: #57606a; --accent: #1d5fa8; --line: #d0d7de; --head: #eef2f6; --stripe: #f6f8fa; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; color: var(--fg); background: #fff; line-height: 1.6;
  font-family: system-ui, -apple-system, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
footer { margin-top: 2rem; padding-bottom: 2rem; color: var(--muted); font-size: .875rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: .5rem 0; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid var(--accent); }
a { color: var(--accent); }
.en { color: var(--muted); font-size: .9em; }
th .en { display: block; font-weight: normal; font-size: .8em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.downloads { padding-left: 1.2rem; }
.downloads li { margin: .25rem 0; }
.table-scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--line); }
.table-scroll:focus { outline: 2px solid var(--accent); }
table { border-collapse: collapse; font-size: .875rem; width: 100%; }
caption { text-align: left; font-weight: bold; padding: .5rem; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .6rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--stripe); }
td { white-space: pre-line; }
td.medium { min-width: 9em; }
td.long { min-width: 18em; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin: 1rem 0; }
.filters .filter { display: flex; flex-direction: column; }
.filters label { font-size: .875rem; font-weight: bold; }
input, select { font: inherit; padding: .3rem; max-width: 100%; min-width: 10em; }
.count { margin: .5rem 0; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; max-width: 32rem; display: block; }
figcaption { color: var(--muted); font-size: .875rem; }
@media (max-width: 40rem) { h1 { font-size: 1.25rem; } .facts { grid-template-columns: 1fr; } .facts dd { margin-bottom: .5rem; } }
`;
