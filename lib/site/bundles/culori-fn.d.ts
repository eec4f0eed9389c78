/** culori's tree-shakable entry (culori/fn, which has no types of its own), the part plotly-colors.ts re-exports; `sitePlotlyBundle` maps the name "culori-fn" to it (the name "culori" itself is mapped to plotly-colors.ts). */
declare module "culori-fn" {
  type Mode = Record<string, unknown>;
  type Color = Record<string, unknown> & { mode: string };
  export const modeRgb: Mode;
  export const modeLrgb: Mode;
  export const modeHsl: Mode;
  export function useMode(mode: Mode): unknown;
  export function converter(mode: string): (color: string | Color) => Color | undefined;
  export function formatHex(color: string | Color): string | undefined;
  export function formatRgb(color: string | Color): string | undefined;
  export function wcagContrast(a: string | Color, b: string | Color): number;
  export function wcagLuminance(color: string | Color): number;
}
