/**
 * The site's search index as it travels (assets/search-index.json): MiniSearch's own
 * serialised index (`toJSON()`, what `MiniSearch.loadJS` reads) written as arrays instead of
 * objects keyed by numbers: the terms as one text, one a line, and each term's postings as
 * numbers with document ids as differences. The same index, about a sixth less gzip (30 →
 * 25 KiB for the tutorials). Browser-safe: imports only MiniSearch's types.
 */
import type { AsPlainObject } from "minisearch";

/** MiniSearch's serialised index (its `toJSON()`; `MiniSearch.loadJS` reads it). */
export type MiniSearchJSON = AsPlainObject;

/** The compact form written to assets/search-index.json. */
export interface CompactSearchIndex {
  /** this format's version */
  format: 1;
  documentCount: number;
  nextId: number;
  /** pairs: short id, document id */
  documentIds: unknown[];
  fieldIds: Record<string, number>;
  /** the names of the stored fields, in the order of each `stored` row */
  storedNames: string[];
  /** per short id of `documentIds`, in order: its field lengths */
  fieldLength: (number[] | null)[];
  /** per short id of `documentIds`, in order: its stored fields' values (null: not stored) */
  stored: (unknown[] | null)[];
  averageFieldLength: number[];
  /** absent from an index MiniSearch serialised before it counted them */
  dirtCount?: number;
  /** the index's terms, one a line, in the index's order */
  terms: string;
  /** per term: for each field, the field id, the number of documents, then short id differences and frequencies */
  postings: number[][];
  serializationVersion: number;
}

/**
 * MiniSearch's serialised index in the compact form (at build time).
 *
 * @param js what `MiniSearch#toJSON()` returns
 * @returns the compact form, which {@link expandSearchIndex} turns back into `js`
 * @throws Error when a term holds a line break (it could not be written one a line) or a short id is not a number
 */
export function compactSearchIndex(js: MiniSearchJSON): CompactSearchIndex {
  const shortIds = Object.keys(js.documentIds);
  const storedNames = [...new Set(Object.values(js.storedFields).flatMap((f) => Object.keys(f)))];
  const postings = js.index.map(([term, fields]) => {
    if (/[\n\r]/.test(term)) throw new Error(`search index: the term ${JSON.stringify(term)} holds a line break`);
    const row: number[] = [];
    for (const [field, docs] of Object.entries(fields)) {
      const entries = Object.entries(docs).map(([id, tf]) => [Number(id), tf] as const);
      if (entries.some(([id]) => !Number.isInteger(id)))
        throw new Error(`search index: a short id of ${term} is not a number`);
      entries.sort((a, b) => a[0] - b[0]);
      row.push(Number(field), entries.length);
      let previous = 0;
      for (const [id, tf] of entries) {
        row.push(id - previous, tf);
        previous = id;
      }
    }
    return row;
  });
  return {
    format: 1,
    documentCount: js.documentCount,
    nextId: js.nextId,
    documentIds: shortIds.flatMap((s) => [Number(s), js.documentIds[s]]),
    fieldIds: js.fieldIds,
    storedNames,
    fieldLength: shortIds.map((s) => js.fieldLength[s] ?? null),
    stored: shortIds.map((s) => {
      const f = js.storedFields[s];
      return f ? storedNames.map((n) => (n in f ? f[n] : null)) : null;
    }),
    averageFieldLength: js.averageFieldLength,
    dirtCount: js.dirtCount,
    terms: js.index.map(([term]) => term).join("\n"),
    postings,
    serializationVersion: js.serializationVersion,
  };
}

/**
 * The compact form back into MiniSearch's serialised index (in the page, before `MiniSearch.loadJS`).
 *
 * @param c what {@link compactSearchIndex} wrote
 * @returns MiniSearch's serialised index
 * @throws Error when `c` is not this format (another version, or terms and postings of different counts)
 */
export function expandSearchIndex(c: CompactSearchIndex): MiniSearchJSON {
  const terms = c.terms === "" ? [] : c.terms.split("\n");
  if (c.format !== 1 || terms.length !== c.postings.length)
    throw new Error(
      `search index: not a compact index of format 1 (format ${c.format}, ${terms.length} terms, ${c.postings?.length} postings)`,
    );
  const documentIds: Record<string, unknown> = {};
  const fieldLength: Record<string, number[]> = {};
  const storedFields: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < c.documentIds.length / 2; i++) {
    const short = String(c.documentIds[2 * i]);
    documentIds[short] = c.documentIds[2 * i + 1];
    const lengths = c.fieldLength[i];
    if (lengths) fieldLength[short] = lengths;
    const values = c.stored[i];
    if (values) {
      const f: Record<string, unknown> = {};
      c.storedNames.forEach((n, k) => {
        if (values[k] !== null) f[n] = values[k];
      });
      storedFields[short] = f;
    }
  }
  const index = terms.map((term, t): [string, Record<string, Record<string, number>>] => {
    const row = c.postings[t];
    const fields: Record<string, Record<string, number>> = {};
    for (let k = 0; k < row.length; ) {
      const docs: Record<string, number> = {};
      const field = row[k];
      const count = row[k + 1];
      k += 2;
      let id = 0;
      for (let j = 0; j < count; j++, k += 2) {
        id += row[k];
        docs[id] = row[k + 1];
      }
      fields[field] = docs;
    }
    return [term, fields];
  });
  return {
    documentCount: c.documentCount,
    nextId: c.nextId,
    documentIds,
    fieldIds: c.fieldIds,
    fieldLength,
    averageFieldLength: c.averageFieldLength,
    storedFields,
    dirtCount: c.dirtCount,
    index,
    serializationVersion: c.serializationVersion,
  };
}
