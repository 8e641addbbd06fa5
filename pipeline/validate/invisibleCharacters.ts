import type { Text } from '../problem/Problem.ts';

/**
 * Characters that show nothing themselves but change what a text looks like or what it matches:
 * bidi controls turn `abc` U+202E `txt.exe` into what reads as `abcexe.txt`; zero-width characters make
 * two values that look the same different (a code that no longer matches, a key that looks duplicated).
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

export interface InvisibleKind {
  what: Text;
  /** What it does to the published value, in a sentence. */
  effect: Text;
}

const BIDI: InvisibleKind = {
  what: { ja: '文字の表示順を入れ替える制御文字', en: 'a bidirectional control' },
  effect: {
    ja: '画面に見える文字の順序と実際のデータが食い違います（例えば abc と txt.exe の間に U+202E があると abcexe.txt と表示されます）。',
    en: 'the order shown differs from the data (abc, U+202E, txt.exe is shown as abcexe.txt).',
  },
};
const ZERO_WIDTH: InvisibleKind = {
  what: { ja: '幅のない見えない文字', en: 'a zero-width character' },
  effect: {
    ja: '見た目は同じでも別の値になり、検索や突き合わせで一致しなくなります。',
    en: 'the value looks the same as one without it, but does not match it in searches and joins.',
  },
};

const NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

export interface InvisibleCharacter {
  /** `U+202E RIGHT-TO-LEFT OVERRIDE` */
  name: string;
  kind: InvisibleKind;
}

/** The first invisible character of `text`, named, or undefined when it has none. */
export function firstInvisible(text: string): InvisibleCharacter | undefined {
  const found = INVISIBLE.exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!;
  const bidi = (code >= 0x200e && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  return { name: `U+${code.toString(16).toUpperCase()} ${NAMES[code]}`, kind: bidi ? BIDI : ZERO_WIDTH };
}
