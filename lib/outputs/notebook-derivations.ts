import type { Notebook } from "../notebook/nbformat";
import { DERIVATION_MIME } from "./mime-types";
import { readDerivationPayload, type DerivationPayload } from "./derivation-payload";

/** The parts of an nbformat-4 notebook (lib/notebook/nbformat.ts) this module reads. */
export type NotebookWithOutputs = Pick<Notebook, "cells">;

/** A derivation a notebook showed, and where. */
export interface ShownDerivation {
  /** 1-based cell number, counting every cell. */
  cell: number;
  payload: DerivationPayload;
}

/**
 * The derivations an executed notebook shows: the `application/vnd.stepwise.derivation+json`
 * payload of every display_data / execute_result output, in order.
 *
 * @param nb an executed notebook (parsed nbformat JSON)
 * @param name the notebook's name, for errors
 * @returns the payloads with their cell numbers
 * @throws TypeError / RangeError naming the notebook and cell of a malformed payload
 */
export function notebookDerivations(nb: NotebookWithOutputs, name: string): ShownDerivation[] {
  if (!Array.isArray(nb?.cells)) throw new TypeError(`${name}: not a notebook (no cells array)`);
  const out: ShownDerivation[] = [];
  nb.cells.forEach((cell, i) => {
    for (const o of cell.outputs ?? []) {
      if (o.output_type !== "display_data" && o.output_type !== "execute_result") continue;
      const value = o.data?.[DERIVATION_MIME];
      if (value !== undefined)
        out.push({ cell: i + 1, payload: readDerivationPayload(value, `${name}, cell ${i + 1}`) });
    }
  });
  return out;
}
