import type { Dataset, FieldSchema } from '../dataset/DatasetDefinition.ts';
import type { FieldValue, Values } from '../normalize/RecordRow.ts';
import { GROUP_FIELD, GROUP_VALUE, type SummaryTable } from '../package/summaryTable.ts';
import { bilingual, esc, formatNumber } from './html.ts';

/** Text columns whose longest value is past these lengths get room, instead of wrapping every few characters. */
const LONG_TEXT = 30;
const MEDIUM_TEXT = 8;

const isNumeric = (schema: FieldSchema) => [schema.type].flat().some((t) => t === 'integer' || t === 'number');
const cellText = (value: FieldValue | undefined, numeric: boolean) =>
  value === null || value === undefined ? '' : numeric && typeof value === 'number' ? formatNumber(value) : esc(String(value));

/** Per field, how a value reads on the page: a yes/no as its published word (有/無), anything else as it is. */
function displayers(dataset: Dataset, fields: string[]): ((value: FieldValue | undefined) => FieldValue | undefined)[] {
  return fields.map((field) => {
    const column = dataset.columns.find((c) => 'field' in c && c.field === field);
    const words = column && 'trueValues' in column ? [column.trueValues?.[0], column.falseValues?.[0]] : undefined;
    return (value) => (typeof value === 'boolean' && words ? (words[value ? 0 : 1] ?? String(value)) : value);
  });
}

/** The filter form: free text plus one select per declared filter field, its options the summary's groups. */
function filterForm(dataset: Dataset, filters: string[], summary: SummaryTable | undefined): string {
  const selects = filters.map((field, i) => {
    const schema = dataset.recordSchemaJson.properties[field];
    const values = (summary?.rows ?? []).filter((r) => r[GROUP_FIELD] === field).map((r) => String(r[GROUP_VALUE] ?? ''));
    const options = values.map((v) => `<option value="=${esc(v)}">${v === '' ? '（空欄）' : esc(v)}</option>`).join('');
    const id = `filter-${esc(field)}`;
    return `<div class="filter"><label for="${id}">${bilingual(schema?.title ?? field, schema?.['x-title-en'] ?? field)}</label><select id="${id}" name="${esc(field)}" data-filter="f${i}"><option value="">すべて / All</option>${options}</select></div>`;
  });
  return `<form id="filters" class="filters" role="search" aria-label="表の絞り込み / Filter the table" hidden>
<div class="filter"><label for="filter-text">キーワード <span class="en" lang="en">Text</span></label><input id="filter-text" type="search" name="q" autocomplete="off"></div>
${selects.join('\n')}
</form>`;
}

/** Every record in a real table (caption, column and row headers), with the filter form above it. */
export function renderRecordsTable(dataset: Dataset, records: Values[], summary: SummaryTable | undefined): string {
  const fields = dataset.fields;
  const schemas = fields.map((f) => dataset.recordSchemaJson.properties[f]!);
  const filters = summary ? summary.declaration.filterBy ?? summary.declaration.groupBy : [];
  const width = fields.map((f) => {
    const longest = Math.max(0, ...records.map((r) => String(r[f] ?? '').length));
    return longest > LONG_TEXT ? ' class="long"' : longest > MEDIUM_TEXT ? ' class="medium"' : '';
  });
  const head = fields
    .map((f, i) => `<th scope="col"${isNumeric(schemas[i]!) ? ' class="num"' : ''}>${bilingual(schemas[i]!.title ?? f, schemas[i]!['x-title-en'] ?? f)}</th>`)
    .join('');
  const shown = displayers(dataset, fields);
  const shownFilter = displayers(dataset, filters);
  const body = records.map((record) => {
    const data = filters.map((f, i) => ` data-f${i}="${esc(String(shownFilter[i]!(record[f]) ?? ''))}"`).join('');
    const cells = fields.map((f, i) => {
      const numeric = isNumeric(schemas[i]!);
      const cls = numeric ? ' class="num"' : width[i]!;
      const tag = f === dataset.primaryKey ? 'th scope="row"' : 'td';
      return `<${tag}${cls}>${cellText(shown[i]!(record[f]), numeric)}</${tag.split(' ')[0]}>`;
    });
    return `<tr${data}>${cells.join('')}</tr>`;
  });
  return `${filterForm(dataset, filters, summary)}
<p id="record-count" class="count" aria-live="polite">全${records.length}件 / ${records.length} records</p>
<div class="table-scroll" role="region" aria-labelledby="records-caption" tabindex="0">
<table id="records">
<caption id="records-caption">${bilingual(dataset.title.ja, dataset.title.en)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</div>`;
}
