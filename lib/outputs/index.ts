/** The kit's output types, shared by lib/display (writer) and lib/site (reader). */
export { PLOTLY_MIME, DERIVATION_MIME } from "./mime-types";
