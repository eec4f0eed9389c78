/**
 * The shape of test/fixtures/notebook-derivations.json (written by
 * scripts/notebook-derivations-fixture.ts): each derivation a tutorial shows, as plain data.
 */
import type { DerivationSpec } from "../lib/derive/spec";
import type { ExecutedDerivation } from "../lib/pipeline/executed-derivations";

/** One derivation a tutorial shows: its notebook, its spec, and whether it is a deliberate mistake. */
export interface NotebookDerivation {
  notebook: string;
  expectFailure?: true;
  spec: DerivationSpec;
}

/**
 * The fixture's entries for the derivations of executed notebooks.
 *
 * @param shown the executed derivations, in notebook and cell order
 * @returns one entry per derivation, in the same order
 */
export function notebookDerivationsFixture(shown: readonly ExecutedDerivation[]): NotebookDerivation[] {
  return shown.map((d) => ({
    notebook: d.notebook,
    ...(d.payload.expectFailure ? { expectFailure: true as const } : {}),
    spec: d.payload.spec as DerivationSpec,
  }));
}
