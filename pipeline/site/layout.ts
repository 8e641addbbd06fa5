import { createHash } from 'node:crypto';
import { esc } from './html.ts';
import { STYLES } from './styles.ts';

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export interface PageShell {
  title: string;
  description: string;
  body: string;
  script?: string;
}

/**
 * A whole static page. The Content-Security-Policy allows nothing from anywhere (no CDN, no web
 * font, no analytics), except this page's own inline style and script by their hashes: a page that
 * tried to fetch something would fail loudly instead of leaking a request.
 */
export function renderPage({ title, description, body, script }: PageShell): string {
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(STYLES)}`,
    ...(script ? [`script-src ${cspHash(script)}`] : []),
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<title>${esc(title)}</title>
<meta name="description" content="${esc(description)}">
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body>
${body}
${script ? `<script>${script}</script>\n` : ''}</body>
</html>
`;
}
