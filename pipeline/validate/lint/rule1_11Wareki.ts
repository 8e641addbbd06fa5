import { WAREKI_WITHOUT_SEIREKI_CODE } from '../../ingest/japaneseDate.ts';
import type { LintRule } from './LintRule.ts';

/**
 * 1-11 「西暦表記又は和暦に西暦の併記がされているか」. A date column's 和暦 without 西暦 is read and
 * warned about by the date rule (with the ISO date it became): it only carries the citation.
 */
export const rule1_11Wareki: LintRule = {
  item: '1-11',
  cites: (p) => p.code === WAREKI_WITHOUT_SEIREKI_CODE,
  check: () => undefined,
};
