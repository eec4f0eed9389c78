/** The kit's output types, shared by lib/display (writer) and lib/site (reader). */
export { PLOTLY_MIME, DERIVATION_MIME } from "./mime-types";
export { DERIVATION_PAYLOAD_VERSION, readDerivationPayload } from "./derivation-payload";
export type { DerivationPayload, PayloadSpec, PayloadStep, PayloadVerdict, PayloadCounterexample, PayloadInterval } from "./derivation-payload";
export { notebookDerivations, type NotebookWithOutputs, type ShownDerivation } from "./notebook-derivations";
