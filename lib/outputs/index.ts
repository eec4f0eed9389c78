/**
 * The kit's output types, shared by lib/display (writer) and lib/site (reader): the
 * derivation payload (built from the engine's spec and verdict types), its reader, and the
 * format-independent view both display and the site lay out.
 */
export { PLOTLY_MIME, DERIVATION_MIME } from "./mime-types";
export { DERIVATION_PAYLOAD_VERSION, readDerivationPayload } from "./derivation-payload";
export type { DerivationPayload, PayloadSpec, PayloadVerdict } from "./derivation-payload";
export { derivationPayload } from "./make-derivation-payload";
export { derivationView, MARK_GLYPHS, MARK_WORDS } from "./derivation-view";
export type { DerivationRowView, DerivationView, StepMark } from "./derivation-view";
export { derivationHtml, type DisplayMath } from "./derivation-html";
export { escapeHtml, escapeMarkdown, jsonForScript } from "./escape";
export { notebookDerivations, type NotebookWithOutputs, type ShownDerivation } from "./notebook-derivations";
