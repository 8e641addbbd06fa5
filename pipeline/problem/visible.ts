import { cutText } from './cutText.ts';

/**
 * Characters that must not reach a terminal, a log or a page as they are: controls, bidi controls,
 * zero-width characters (a quoted value would hide where they are), lone surrogates.
 */
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|\p{Cs}/gu;

const codePoint = (ch: string) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/**
 * A cell's text as it is quoted to people: line breaks shown as ⏎ and tabs as ⇥, invisible or unsafe
 * characters as <U+XXXX>, and anything past `max` characters cut with ….
 */
export function visible(text: string, max = 200): string {
  const shown = text.replace(/\r\n|\r|\n/gu, '⏎').replace(/\t/gu, '⇥').replace(HIDDEN, codePoint);
  return cutText(shown, max);
}
