/**
 * What plotly.js's colour module (src/components/color) takes from culori, for the site's
 * plotly bundle (`sitePlotlyBundle` puts this file in culori's place): the same functions
 * from culori's tree-shakable entry (culori/fn) with only the colour spaces they use
 * registered: rgb (hex, rgb(), rgba(), named colours, transparent), hsl (hsl(), hsla(), and
 * plotly's own conversions) and linear rgb (the WCAG luminance and contrast). plotly requires
 * culori's bundled build, every colour space of it: about 64 KB minified (24 KiB gzip),
 * against about 14 KB (6 KiB gzip) here. A colour in another CSS notation (lab(), oklch(), …)
 * is then one plotly cannot parse: it warns and draws opaque black, as for any bad colour;
 * lib/charts writes hex and rgba() colours only.
 */
import {
  converter,
  formatHex,
  formatRgb,
  modeHsl,
  modeLrgb,
  modeRgb,
  useMode,
  wcagContrast,
  wcagLuminance,
} from "culori-fn";

useMode(modeRgb);
useMode(modeLrgb);
useMode(modeHsl);

export { converter, formatHex, formatRgb, wcagContrast, wcagLuminance };
