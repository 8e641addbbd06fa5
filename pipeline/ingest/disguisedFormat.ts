/**
 * Text files that are not CSV but come named as a spreadsheet or CSV: web systems "export to Excel"
 * as an HTML table saved as .xls, and Excel itself saves SYLK and XML Spreadsheet 2003. SheetJS
 * parses them all, by their first bytes whatever the name, so they would be read as something other
 * than what staff see. They are refused, saying what the file really is and how to save it properly.
 */
import { problem, type Problem, type Text } from '../problem/Problem.ts';

interface Disguise {
  matches: (head: string) => boolean;
  is: Text;
}

/** Bytes looked at: the marks below are all at the start, or (for XML) in the first elements. */
const HEAD_BYTES = 4096;

/** Names of the files this is for; any other name is the container check's to refuse. */
const SPREADSHEET_NAME = /\.(?:csv|tsv|txt|xls|xlsx|xlsm|xlsb|ods)$/i;

const SPREADSHEET_ML = /urn:schemas-microsoft-com:office:spreadsheet|progid\s*=\s*["']Excel\.Sheet/i;

// In order: the first that matches the start of the file (after a BOM and white space) names it.
const DISGUISES: Disguise[] = [
  {
    matches: (head) => head.startsWith('<') && SPREADSHEET_ML.test(head),
    is: { ja: 'XML スプレッドシート 2003 形式（Excel 2003 の XML ファイル）', en: 'an XML Spreadsheet 2003 file (Excel 2003 XML)' },
  },
  { matches: (head) => /^<\?xml/i.test(head) && !/<(?:html|table)\b/i.test(head), is: { ja: 'XML 形式の文書', en: 'an XML document' } },
  {
    matches: (head) => head.startsWith('<'),
    is: {
      ja: 'Web ページ（HTML）の表（業務システムの「Excel 出力」がこの形式のことがあります）',
      en: 'a web page (HTML) table (what some systems "export to Excel")',
    },
  },
  { matches: (head) => head.startsWith('ID;P'), is: { ja: 'SYLK 形式（先頭が「ID;P」のファイル）', en: 'a SYLK (Symbolic Link) file, starting with "ID;P"' } },
  { matches: (head) => /^TABLE\r?\n0,1\r?\n/.test(head), is: { ja: 'DIF 形式', en: 'a DIF (Data Interchange Format) file' } },
  { matches: (head) => head.startsWith('{\\rtf'), is: { ja: 'リッチテキスト（RTF）の文書', en: 'a rich text (RTF) document' } },
];

/** The problem saying what a text file named as a spreadsheet or CSV really is, or undefined when it may be CSV. */
export function disguisedFormat(bytes: Uint8Array, fileName: string): Problem | undefined {
  const named = SPREADSHEET_NAME.exec(fileName)?.[0];
  if (!named) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Every mark looked for is ASCII, so the first bytes are read as Latin-1, whatever the encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(bom, bom + HEAD_BYTES)).trimStart();
  const found = DISGUISES.find((d) => d.matches(head));
  if (!found) return undefined;
  return problem(
    'format-error',
    'error',
    { value: fileName },
    {
      ja: `「${fileName}」の中身は${found.is.ja}です（名前は ${named} でも、その形式ではありません）。このままでは正しく読み込めません。`,
      en: `"${fileName}" is really ${found.is.en}, not the ${named} its name says; it cannot be read as it is.`,
    },
    {
      ja: 'Excel で開き、「ファイル → 名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直し、そのファイルをアップロードしてください。',
      en: 'Open it in Excel, use File → Save As, choose "Excel Workbook (*.xlsx)", and upload the newly saved file.',
    },
  );
}
