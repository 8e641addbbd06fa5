/**
 * Check digits of Japanese public codes, so that a mistyped digit is an error, not published.
 * - 全国地方公共団体コード (6 digits): the 6th is (11 − (d1·6 + d2·5 + d3·4 + d4·3 + d5·2) mod 11) mod 10.
 * - 法人番号 (13 digits): the 1st is 9 − (Σ Pn·Qn mod 9) over the other 12, Pn the n-th digit from the
 *   right, Qn 1 for odd n and 2 for even n (国税庁「法人番号の指定等に関する省令」).
 */
export function lgCodeCheckDigit(first5: string): number {
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(first5[i]), 0);
  return (11 - (sum % 11)) % 10;
}

export function corporateNumberCheckDigit(base12: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base12[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}
