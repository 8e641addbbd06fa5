/**
 * 機種依存文字 (総務省 チェック項目1-10「機種依存文字を使用していないか」).
 * Reports, never rewrites.
 *
 * Definition used (principled, not a hand list): a character is device
 * dependent when Windows' Shift_JIS (CP932) can encode it but JIS X 0208 — the
 * character set every Japanese system shares — cannot. Those characters live
 * in CP932 row 13 (NEC special characters, lead byte 0x87), rows 89–92 (NEC-
 * selected IBM extensions, 0xED–0xEE) and rows 115–119 (IBM extensions,
 * 0xFA–0xFC). The set is built once at module load by decoding every two-byte
 * code of those rows with the WHATWG `shift_jis` decoder (which is CP932) and
 * removing anything that also decodes from a JIS X 0208 row — CP932 repeats
 * ≒≡∫√⊥∠∵∩∪¬ in row 13/115, and those are ordinary characters.
 *
 * Also reported: private-use characters (U+E000–U+F8FF and planes 15–16),
 * i.e. 外字. CP932 maps its user-defined rows 95–114 onto U+E000–U+E757, so
 * they satisfy the same definition; the rest of the private-use area is even
 * less portable, so it is reported the same way.
 *
 * NOT reported: characters CP932 cannot encode at all, e.g. 鷗 (U+9DD7, JIS X
 * 0213) or 𠮷. They are not "Windows-only"; they are simply outside Shift_JIS,
 * which matters only if a Shift_JIS CSV is produced — a different rule.
 * Ordinary JIS X 0208 kanji (平塚市, 髪, 高, 崎) are never reported; note the
 * look-alike compatibility ideograph 塚 (U+FA10) IS reported, since it is an
 * IBM extension, and its suggestion is the standard 塚 (U+585A).
 */
import type { Finding } from '../../problem/Problem.ts';
import type { RuleResult } from './RuleResult.ts';

export const DEVICE_DEPENDENT_CODE = 'device-dependent-character';

const JIS_X_0208_LEADS: number[] = [...range(0x81, 0x84), ...range(0x88, 0x9f), ...range(0xe0, 0xea)];
/** CP932 rows 13 (0x87), 89–92 (0xED–0xEE) and 115–119 (0xFA–0xFC). */
const CP932_EXTENSION_LEADS: number[] = [0x87, 0xed, 0xee, 0xfa, 0xfb, 0xfc];

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function decodeLeads(decoder: TextDecoder, leads: number[]): Set<string> {
  const chars = new Set<string>();
  for (const lead of leads) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch !== '\uFFFD' && [...ch].length === 1) chars.add(ch);
    }
  }
  return chars;
}

function buildSets(): { jisX0208: Set<string>; cp932Only: Set<string> } {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder('shift_jis');
  } catch {
    // Environment problem (Node built without full ICU), not bad input.
    throw new Error('deviceDependent.ts needs TextDecoder("shift_jis") (Node.js with full ICU)');
  }
  const jisX0208 = decodeLeads(decoder, JIS_X_0208_LEADS);
  const cp932Only = new Set<string>();
  for (const ch of decodeLeads(decoder, CP932_EXTENSION_LEADS)) if (!jisX0208.has(ch)) cp932Only.add(ch);
  return { jisX0208, cp932Only };
}

const { jisX0208: JIS_X_0208, cp932Only: CP932_ONLY } = buildSets();

/** Any device-dependent character at all (one regular expression instead of a Set lookup per character). */
const ANY_DEVICE_DEPENDENT = new RegExp(
  `[${[...CP932_ONLY].map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join('')}\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{10FFFF}]`,
  'u',
);

/** Characters in CP932 rows 13, 89–92 and 115–119 that JIS X 0208 lacks (about 450). */
export const CP932_ONLY_CHARACTERS: ReadonlySet<string> = CP932_ONLY;

export function isInJisX0208(ch: string): boolean {
  return JIS_X_0208.has(ch);
}

function isPrivateUse(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
}

/** One character (code point). */
export function isDeviceDependent(ch: string): boolean {
  return CP932_ONLY.has(ch) || isPrivateUse(ch);
}

/** Replacement suggestions, best first. Kept to the common ones; others get a generic message. */
const SUGGESTIONS: Record<string, string[]> = {
  ...Object.fromEntries(range(1, 20).map((n) => [String.fromCodePoint(0x2460 + n - 1), [`(${n})`, String(n)]])),
  ...Object.fromEntries(
    ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'].flatMap((roman, i) => [
      [String.fromCodePoint(0x2160 + i), [roman]],
      [String.fromCodePoint(0x2170 + i), [roman.toLowerCase()]],
    ]),
  ),
  '㈱': ['(株)', '株式会社'],
  '㈲': ['(有)', '有限会社'],
  '㈹': ['(代)', '代表'],
  '㍻': ['平成'],
  '㍼': ['昭和'],
  '㍽': ['大正'],
  '㍾': ['明治'],
  '㍉': ['ミリ'],
  '㌔': ['キロ'],
  '㌢': ['センチ'],
  '㍍': ['メートル'],
  '㌘': ['グラム'],
  '㌧': ['トン'],
  '㌃': ['アール'],
  '㌶': ['ヘクタール'],
  '㍑': ['リットル'],
  '㍗': ['ワット'],
  '㌍': ['カロリー'],
  '㌦': ['ドル'],
  '㌣': ['セント'],
  '㌫': ['パーセント'],
  '㍊': ['ミリバール'],
  '㌻': ['ページ'],
  '㎜': ['mm'],
  '㎝': ['cm'],
  '㎞': ['km'],
  '㎎': ['mg'],
  '㎏': ['kg'],
  '㏄': ['cc'],
  '㎡': ['m2', '平方メートル'],
  '№': ['No.'],
  '℡': ['TEL'],
  '㏍': ['K.K.'],
  '㊤': ['(上)'],
  '㊥': ['(中)'],
  '㊦': ['(下)'],
  '㊧': ['(左)'],
  '㊨': ['(右)'],
  '∑': ['Σ'],
  '〝': ['「'],
  '〟': ['」'],
  '＇': ["'"],
  '＂': ['"'],
  // IBM-extension kanji without a canonical decomposition: the usual standard form.
  '髙': ['高'],
  '﨑': ['崎'],
  '德': ['徳'],
  '濵': ['濱', '浜'],
  '瀨': ['瀬'],
  '栁': ['柳'],
  '黑': ['黒'],
  '昻': ['昂'],
  '靑': ['青'],
  '淸': ['清'],
  '緖': ['緒'],
  '郞': ['郎'],
  '鄕': ['郷'],
  '增': ['増'],
  '寬': ['寛'],
  '敎': ['教'],
  '悅': ['悦'],
  '綠': ['緑'],
  '薰': ['薫'],
  '賴': ['頼'],
  '橫': ['横'],
  '桒': ['桑'],
};

/**
 * Suggested replacements for one device-dependent character, or [] when there
 * is no safe suggestion. Besides the table, a CJK compatibility ideograph
 * whose canonical decomposition is a JIS X 0208 kanji (塚 U+FA10 → 塚 U+585A,
 * 神 U+FA19 → 神) suggests that kanji: the two are the same character by
 * Unicode's own definition. (This is a suggestion only; nothing is rewritten.)
 */
export function suggestReplacement(ch: string): string[] {
  const listed = SUGGESTIONS[ch];
  if (listed) return listed;
  const canonical = ch.normalize('NFC');
  if (canonical !== ch && [...canonical].length === 1 && JIS_X_0208.has(canonical)) return [canonical];
  return [];
}

/**
 * How a character is shown in a message: private-use characters are invisible
 * or random glyphs, so they are shown as U+XXXX; compatibility ideographs look
 * exactly like their standard twin (塚 U+FA10 vs 塚 U+585A), so their code
 * point is added.
 */
function label(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (isPrivateUse(ch)) return codePointLabel(ch);
  if ((cp >= 0xf900 && cp <= 0xfaff) || ch.normalize('NFC') !== ch) return `${ch}(${codePointLabel(ch)})`;
  return ch;
}

function labelSuggestion(ch: string, suggestion: string): string {
  return ch.normalize('NFC') === suggestion ? `${suggestion}(${codePointLabel(suggestion)})` : suggestion;
}

function describe(chars: string[]): Finding {
  const listJa = chars.map(label).join('、');
  const listEn = chars.map(label).join(', ');
  const withSuggestion = chars.filter((ch) => suggestReplacement(ch).length > 0);
  const without = chars.filter((ch) => suggestReplacement(ch).length === 0);
  const fixJa: string[] = [];
  const fixEn: string[] = [];
  if (withSuggestion.length > 0) {
    fixJa.push(
      withSuggestion
        .map((ch) => `${label(ch)} → ${suggestReplacement(ch).map((s) => labelSuggestion(ch, s)).join(' または ')}`)
        .join('、') +
        ' のように置き換えてください。',
    );
    fixEn.push(
      'Replace ' +
        withSuggestion
          .map((ch) => `${label(ch)} with ${suggestReplacement(ch).map((s) => labelSuggestion(ch, s)).join(' or ')}`)
          .join(', ') +
        '.',
    );
  }
  const pua = without.filter(isPrivateUse);
  const other = without.filter((ch) => !isPrivateUse(ch));
  if (other.length > 0) {
    fixJa.push(`${other.map(label).join('、')} は JIS X 0208 にある標準的な文字（または読み・意味を表す文字列）に置き換えてください。`);
    fixEn.push(`Replace ${other.map(label).join(', ')} with standard JIS X 0208 characters (or words with the same meaning).`);
  }
  if (pua.length > 0) {
    fixJa.push(`外字（${pua.map(codePointLabel).join('、')}）は他の環境では表示できません。標準的な文字に置き換えてください。`);
    fixEn.push(
      `Private-use characters (${pua.map(codePointLabel).join(', ')}) cannot be displayed elsewhere; replace them with standard characters.`,
    );
  }
  return {
    code: DEVICE_DEPENDENT_CODE,
    severity: 'warning',
    message: {
      ja: `機種依存文字が含まれています: ${listJa}（JIS X 0208 にない Windows 独自の文字や外字で、他の環境では表示できない・文字化けするおそれがあります）。`,
      en: `Contains device-dependent characters: ${listEn} (outside JIS X 0208: Windows-only CP932 extensions or private-use characters, which may not display on other systems).`,
    },
    fix: { ja: fixJa.join(''), en: fixEn.join(' ') },
  };
}

function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Checks a text for device-dependent characters. The value is returned
 * unchanged; at most one finding per text, naming each distinct character in
 * order of first appearance.
 */
/** Whether the text holds any device-dependent character (what checkDeviceDependent would report). */
export function hasDeviceDependent(text: string): boolean {
  return ANY_DEVICE_DEPENDENT.test(text);
}

export function checkDeviceDependent(text: string): RuleResult<string> {
  if (!ANY_DEVICE_DEPENDENT.test(text)) return { value: text, changes: [], findings: [] };
  const found: string[] = [];
  for (const ch of text) if (isDeviceDependent(ch) && !found.includes(ch)) found.push(ch);
  return { value: text, changes: [], findings: found.length > 0 ? [describe(found)] : [] };
}
