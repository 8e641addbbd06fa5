import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { addedNationalFields, nationalValues } from '../dataset/nationalColumns.ts';
import { publishedFields } from '../dataset/published.ts';
import { emptyValues, type FieldValue, type Values } from '../normalize/RecordRow.ts';

/**
 * Records read in order, with their number: an array, or records made as they are read. A record
 * read from it is only sure to hold its values until the next one is read: do not keep it.
 */
export type RecordList = Iterable<Values> & { readonly length: number };

/**
 * Validated records as published: national columns first (from the definition), keys in published
 * order. Reading them fills one record over and over (valid until the next is read), so writing a
 * million rows neither holds a second copy of them nor makes a million objects per file;
 * `toArray` makes (once) the array of separate records that publishing compares.
 */
export class PublishedRecords implements RecordList {
  private readonly fields: string[];
  /** Per published field: the national value it always has, or undefined when it comes from the record. */
  private readonly fixed: (FieldValue | undefined)[];
  private array?: Values[];

  constructor(
    private readonly records: readonly Values[],
    dataset: Dataset,
  ) {
    this.fields = publishedFields(dataset);
    const national: Values = nationalValues(dataset);
    const added = addedNationalFields(dataset);
    this.fixed = this.fields.map((field) => (added.includes(field) ? national[field] : undefined));
  }

  get length(): number {
    return this.records.length;
  }

  *[Symbol.iterator](): Iterator<Values> {
    if (this.array) {
      yield* this.array;
      return;
    }
    const reused = emptyValues();
    for (const record of this.records) yield this.fill(reused, record);
  }

  toArray(): Values[] {
    return (this.array ??= this.records.map((record) => this.fill(emptyValues(), record)));
  }

  private fill(published: Values, record: Values): Values {
    const { fields, fixed } = this;
    for (let i = 0; i < fields.length; i++) published[fields[i]!] = fixed[i] ?? record[fields[i]!] ?? null;
    return published;
  }
}
