import katex from "katex";
import type { TexMacros } from "./katex";

/** The parts of KaTeX's HTML tree (`katex.__renderToHTMLTree`) a width is read from. */
interface TreeNode {
  classes?: string[];
  children?: TreeNode[];
  width?: number;
  text?: string;
  style?: Record<string, string | undefined>;
}

/** KaTeX's size classes (`sizeN` inside a `reset-sizeM` span): the font scale of each, from katex.css. */
const SIZE_SCALE = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.44, 1.728, 2.074, 2.488];

const em = (v: string | undefined): number => (v?.endsWith("em") ? Number.parseFloat(v) : 0);

/** Width in em (of the node's own font size) of one node of KaTeX's tree. */
function nodeWidth(n: TreeNode): number {
  const classes = n.classes ?? [];
  const own = em(n.style?.marginLeft) + em(n.style?.marginRight) + em(n.style?.width);
  if (typeof n.text === "string") return (n.width ?? 0) + own;
  const kids = n.children ?? [];
  if (classes.includes("katex-mathml") || classes.includes("strut")) return 0;
  if (classes.includes("nulldelimiter")) return 0.12 + own;
  // a vertical list (fraction, scripts, accents): its rows stand one above the other
  if (classes.includes("vlist")) return Math.max(0, ...kids.map(nodeWidth)) + own;
  let scale = 1;
  const size = classes.find((c) => /^size\d+$/.test(c));
  const reset = classes.find((c) => /^reset-size\d+$/.test(c));
  if (size && reset) scale = SIZE_SCALE[Number(size.slice(4))] / SIZE_SCALE[Number(reset.slice(10))];
  if (classes.includes("vlist-t") || classes.includes("vlist-r")) {
    // a vlist-t holds the list and, for a depth, a second row of the same width
    return Math.max(0, ...kids.map(nodeWidth)) + own;
  }
  return kids.reduce((w, k) => w + nodeWidth(k), 0) * scale + own;
}

/**
 * An estimate of a formula's width as KaTeX draws it inline, in em of the formula's font: the
 * advance widths of its glyphs (KaTeX's font metrics, carried by its HTML tree), the spaces KaTeX
 * puts between atoms, script sizes, and the wider row of each fraction. It leaves out kerning and
 * italic corrections, so it is within a few per cent of the drawn width: good enough to tell a
 * line that needs a narrow layout from one that fits with room.
 *
 * @param tex the formula, without delimiters
 * @param macros the page's macros (read, never changed)
 * @returns the width in em (multiply by the `.katex` font size in px for pixels)
 * @throws KaTeX's ParseError when the formula does not parse
 */
export function texWidthEm(tex: string, macros: TexMacros = {}): number {
  // KaTeX's HTML tree before it is written out (an export of katex's bundle its types leave out): its glyphs carry their widths
  const render = (katex as unknown as { __renderToHTMLTree: (tex: string, options: katex.KatexOptions) => unknown })
    .__renderToHTMLTree;
  const tree = render(tex, {
    displayMode: false,
    throwOnError: true,
    strict: "ignore",
    trust: false,
    macros: { ...macros },
  }) as unknown as TreeNode;
  return nodeWidth(tree);
}
