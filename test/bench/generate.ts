/**
 * Benchmark workbooks in the countermeasures shape (the layout of
 * sources/hiratsuka-covid19-measures-2020-09-01.xlsx: title row with a 令和 date, a blank row, the
 * header row, then data), written the way Excel writes them: every text in the shared-strings table
 * (UTF-8), budgets as numbers formatted `#,##0`, and the staff's habits mixed in at fixed rates from
 * a fixed seed: in-cell line breaks between Japanese characters, full-width digits typed as text,
 * 【再掲】 rows naming an earlier row, vertically merged 対策名 cells, `-` for none.
 *
 * The sheet XML is streamed straight into a deflating ZIP writer (fflate), so a million rows need no
 * more memory than a few strings: SheetJS's own writer would have to hold the whole workbook.
 */
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Zip, ZipDeflate, strToU8 } from 'fflate';

export const TITLE = '平塚市新型コロナウイルス感染症対策取組状況一覧表（令和2年9月1日時点）';
export const HEADER = ['No.', '対策名', '柱', '大柱・施策', '小柱', '取組名', '取組概要', '事業費（千円）', '取組状況'];
export const SHEET_NAME = '取組状況一覧';

/** `good`: publishable (warnings only). `bad`: every data row has a status outside the enum (one error per row). */
export type Variant = 'good' | 'bad';

export interface GeneratedWorkbook {
  rows: number;
  bytes: number;
  sharedStrings: number;
  merges: number;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PACKAGES = ['緊急対策', '第2次緊急対策', '総合対策'];
const PILLARS: [number | '-', string][] = [
  [1, '市民の生命と健康を守る緊急対策'],
  [2, '市民生活を守る緊急対策'],
  [3, '地域経済を守る緊急対策'],
  [4, '子どもたちの学びを守る対策'],
  [5, '新しい生活様式に対応した地域づくり'],
  ['-', '感染症に強いまちづくりの推進'],
];
const SUB_PILLARS = [
  '（1）命を守る医療・救急体制を確保する',
  '（2）命を守る適切な情報発信と相談体制を整備する',
  '（3）命を守る感染拡大防止策を実施する',
  '（４）暮らしを支える給付と減免を実施する',
  '(5)事業の継続と雇用の維持を支援する',
  '（6）学びの機会を確保する',
  '（７）地域のつながりを支える',
];
// Name parts with prime-sized lists: the mixed-radix index of a row gives every row its own name.
const REGIONS = ['平塚市民病院', '消防・救急隊', '市内の保育所', '公民館', '市立小学校', '市立中学校', '図書館', '博物館', '美術館', '総合公園',
  '市役所本庁舎', '保健センター', '商店街', '漁港', '農産物直売所', '地区センター', '児童館', '放課後児童クラブ', '高齢者施設', '障がい者施設',
  '市営住宅', '駅前広場', '観光協会', '商工会議所', '産業振興センター', '市民活動センター', '青少年会館', '体育館', '競技場', '斎場',
  '清掃工場', '浄水管理センター', '市民プール', '文化会館', '南北の地区', '東部地区', '西部地区', '北部地区', '南部地区', '中央地区',
  '海岸地区', '旭地区', '金田地区', '土沢地区', '岡崎地区', '神田地区', '城島地区', '大野地区', '豊田地区', '松原地区', '崇善地区', '港地区', '花水地区'];
const TARGETS = ['における', 'に通う児童の', 'を利用する市民の', 'で働く職員の', 'に関わる事業者の', 'を訪れる観光客の', 'の高齢者の', 'の子育て世帯の',
  'の学生の', 'の外国籍市民の', 'の医療従事者の', 'の中小企業の', 'の個人事業主の', 'の農業者の', 'の漁業者の', 'のひとり親家庭の', 'の妊産婦の',
  'の障がいのある方の', 'の生活困窮者の', 'の飲食店の', 'の宿泊事業者の', 'の交通事業者の', 'のボランティア団体の', 'の自治会の', 'の商店会の',
  'の文化団体の', 'のスポーツ団体の', 'の介護事業所の', 'の保育士の', 'の教職員の', 'の来庁者の', 'の利用者の', 'の地域住民の', 'の新規就農者の',
  'の若年層の', 'の在宅勤務者の', 'の求職者の', 'の離職者の', 'の内定取消者の', 'の休業者の', 'の留学生の', 'の転入者の', 'の療養者の', 'の濃厚接触者の',
  'の帰国者の', 'の避難者の', 'の受験生の'];
const OBJECTS = ['感染症対策資器材等の整備', '衛生用品の配布', '相談窓口の設置', '情報発信の強化', '給付金の支給', '使用料の減免', '手数料の免除',
  '設備導入の補助', '事業継続の支援', '雇用維持の支援', '学習環境の提供', 'オンライン化の推進', 'キャッシュレス決済の促進', '販路拡大の支援',
  '利用環境の改善', '換気設備の更新', '消毒液の配備', '検温機器の設置', '予約制の導入', '送迎体制の整備', '見守り活動の支援', '食料支援の実施',
  '家賃の補助', '融資の利子補給', '専門家の派遣', '研修会の開催', '啓発物品の作成', '臨時窓口の開設', '相談員の増員', '防護服の備蓄', '分散登校の実施'];
const EXTRAS = ['', 'また、関係機関と連携して周知を図ります。', 'あわせて、効果を検証し、必要に応じて見直します。', '',
  '申請はオンラインでも受け付けます。', '対象者には個別に通知します。', ''];

/** Characters escaped in XML text; line breaks are written as they are, as Excel does. */
function xml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function columnName(c: number): string {
  return String.fromCharCode(65 + c);
}

const toFullwidth = (digits: string) => digits.replace(/[0-9,]/g, (d) => (d === ',' ? '，' : String.fromCharCode(d.charCodeAt(0) + 0xfee0)));

interface Original {
  name: string;
  budget: number | '-';
}

/** Writes the workbook to `file` (via a temporary file beside it, renamed when complete). */
export function generateWorkbook(file: string, rows: number, options: { seed?: number; variant?: Variant } = {}): GeneratedWorkbook {
  const random = prng(options.seed ?? 20200901);
  const variant = options.variant ?? 'good';
  const partial = `${file}.partial-${process.pid}`;
  const sstFile = `${file}.sst-${process.pid}`;
  const out = openSync(partial, 'w');
  const sst = openSync(sstFile, 'w');
  let written = 0;
  let zipError: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else {
      writeSync(out, chunk);
      written += chunk.length;
    }
  });
  const addText = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  };

  // Shared strings: repeated texts are looked up; texts unique by construction (names, summaries) are not.
  const index = new Map<string, number>();
  let sstCount = 0;
  let sstUnique = 0;
  let sstBuffer = '';
  const flushSst = (force = false) => {
    if (sstBuffer.length > 1 << 20 || (force && sstBuffer.length > 0)) {
      writeSync(sst, sstBuffer);
      sstBuffer = '';
    }
  };
  const newString = (text: string): number => {
    const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
    sstBuffer += `<si><t${space}>${xml(text)}</t></si>`;
    flushSst();
    return sstUnique++;
  };
  const shared = (text: string, unique = false): number => {
    sstCount++;
    if (unique) return newString(text);
    const known = index.get(text);
    if (known !== undefined) return known;
    const i = newString(text);
    index.set(text, i);
    return i;
  };

  const lastRow = rows + 3;
  addText('[Content_Types].xml', CONTENT_TYPES);
  addText('_rels/.rels', ROOT_RELS);
  addText('docProps/app.xml', APP);
  addText('docProps/core.xml', CORE);
  addText('xl/workbook.xml', WORKBOOK);
  addText('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  addText('xl/styles.xml', STYLES);

  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  let buffer = '';
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      sheet.push(strToU8(buffer));
      buffer = '';
    }
  };
  const str = (ref: string, text: string, style = 0, unique = false) =>
    `<c r="${ref}"${style ? ` s="${style}"` : ''} t="s"><v>${shared(text, unique)}</v></c>`;
  const num = (ref: string, value: number, style = 0) => `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;

  emit(SHEET_HEAD.replace('{REF}', `A1:I${lastRow}`));
  emit(`<row r="1" spans="1:9">${str('A1', TITLE)}</row>`);
  emit(`<row r="3" spans="1:9">${HEADER.map((label, c) => str(`${columnName(c)}3`, label, 3)).join('')}</row>`);

  const merges: string[] = [];
  const recent: Original[] = [];
  let packageIndex = 0;
  let mergeLeft = 0; // rows still covered by the current 対策名 merge (their B cells are empty)
  for (let i = 0; i < rows; i++) {
    const r = i + 4;
    const no = i + 1;
    if (random() < 0.001) packageIndex = (packageIndex + 1) % PACKAGES.length;
    const [pillarNo, pillar] = PILLARS[Math.floor(random() * PILLARS.length)]!;
    const subPillar = SUB_PILLARS[Math.floor(random() * SUB_PILLARS.length)]!;
    const status = variant === 'bad' ? '未着手' : random() < 0.7 ? '着手' : '完了';

    // 【再掲】: about 1 row in 25 repeats a recent original, with its budget.
    const relist = recent.length > 0 && random() < 0.04;
    let name: string;
    let budget: number | '-';
    let summary: string;
    if (relist) {
      const original = recent[Math.floor(random() * recent.length)]!;
      name = `${original.name}【再掲】`;
      budget = original.budget;
      summary = `${original.name.replace(/\n/g, '')}を再掲しています。`;
    } else {
      const region = REGIONS[i % REGIONS.length]!;
      const target = TARGETS[Math.floor(i / REGIONS.length) % TARGETS.length]!;
      const object = OBJECTS[Math.floor(i / (REGIONS.length * TARGETS.length)) % OBJECTS.length]!;
      const round = Math.floor(i / (REGIONS.length * TARGETS.length * OBJECTS.length));
      const base = `${region}${target}${object}${round > 0 ? `（第${round + 1}期）` : ''}`;
      // An in-cell line break (Alt+Enter) after the particle, in about a third of the names.
      name = random() < 0.35 ? base.replace(/(における|の)(?=[^の]*$)/, '$1\n') : base;
      const roll = random();
      budget = roll < 0.08 ? '-' : Math.floor(random() * (roll < 0.5 ? 10_000 : 500_000)) + 1;
      const extra = EXTRAS[Math.floor(random() * EXTRAS.length)]!;
      summary = `${region}${target === 'における' ? 'において' : target.replace(/の$/, 'を対象に、')}${object}を行います。${extra}`;
      if (random() < 0.1) summary = summary.replace('。', '。\n');
      recent.push({ name, budget });
      if (recent.length > 200) recent.shift();
    }

    let cells = num(`A${r}`, no);
    if (mergeLeft > 0) {
      mergeLeft--;
    } else {
      cells += str(`B${r}`, PACKAGES[packageIndex]!);
      // About 1 row in 50 starts a merge of 対策名 over the next 2 rows.
      if (random() < 0.02 && i + 2 < rows) {
        merges.push(`B${r}:B${r + 2}`);
        mergeLeft = 2;
      }
    }
    cells += pillarNo === '-' ? str(`C${r}`, '-') : num(`C${r}`, pillarNo);
    cells += str(`D${r}`, pillar);
    cells += str(`E${r}`, subPillar);
    cells += str(`F${r}`, name, name.includes('\n') ? 2 : 0, !relist);
    cells += str(`G${r}`, summary, summary.includes('\n') ? 2 : 0, !relist);
    if (budget === '-') cells += str(`H${r}`, '-');
    // Full-width digits typed as text in about 1 budget in 20 (some with a full-width separator).
    else if (random() < 0.05) cells += str(`H${r}`, toFullwidth(random() < 0.5 ? budget.toLocaleString('en-US') : String(budget)));
    else cells += num(`H${r}`, budget, 1);
    cells += str(`I${r}`, status);
    emit(`<row r="${r}" spans="1:9">${cells}</row>`);
  }
  emit('</sheetData>');
  if (merges.length > 0) emit(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  emit(SHEET_TAIL);
  sheet.push(strToU8(buffer), true);
  buffer = '';

  flushSst(true);
  closeSync(sst);
  const strings = new ZipDeflate('xl/sharedStrings.xml', { level: 6 });
  zip.add(strings);
  strings.push(strToU8(`${XML_DECL}<sst xmlns="${MAIN_NS}" count="${sstCount}" uniqueCount="${sstUnique}">`));
  const input = openSync(sstFile, 'r');
  const chunk = Buffer.alloc(1 << 20);
  for (let n = readSync(input, chunk); n > 0; n = readSync(input, chunk)) strings.push(new Uint8Array(chunk.subarray(0, n)));
  closeSync(input);
  rmSync(sstFile);
  strings.push(strToU8('</sst>'), true);
  zip.end();
  closeSync(out);
  if (zipError) {
    rmSync(partial, { force: true });
    throw zipError;
  }
  renameSync(partial, file);
  return { rows, bytes: written, sharedStrings: sstUnique, merges: merges.length };
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
const ROOT_RELS = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const APP = `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>ワークシート</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${SHEET_NAME}</vt:lpstr></vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`;
const CORE = `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>平塚市</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2020-09-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2020-09-01T00:00:00Z</dcterms:modified></cp:coreProperties>`;
const WORKBOOK = `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="${SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`;
const WORKBOOK_RELS = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
// Style 1: `#,##0` (built-in format 3). Style 2: wrapped text (cells with line breaks). Style 3: header.
const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment vertical="center"/></xf></cellXfs><cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
const SHEET_HEAD = `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="{REF}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="18.75"/><cols><col min="1" max="1" width="6.625" customWidth="1"/><col min="2" max="2" width="14.625" customWidth="1"/><col min="3" max="3" width="5.625" customWidth="1"/><col min="4" max="5" width="40.625" customWidth="1"/><col min="6" max="6" width="44.625" customWidth="1"/><col min="7" max="7" width="80.625" customWidth="1"/><col min="8" max="8" width="14.625" customWidth="1"/><col min="9" max="9" width="10.625" customWidth="1"/></cols><sheetData>`;
const SHEET_TAIL = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
