/**
 * Boxes that scroll sideways (wide formulas, outputs, code, tables) as keyboard-reachable
 * regions (part of assets/stepwise.js): a box whose content is wider than the box gets
 * tabindex="0", role="region" (unless it has a role), an aria-label naming what it holds
 * and where, unique on the page ("formula in cell 5 (2), scrolls sideways", unless it has
 * a label), and `data-scrolls` (the stylesheet draws a shadow at its edge); a box that fits
 * again loses what this gave it, so only boxes that do scroll are tab stops. Tables are wrapped in a `div.table-scroll` first,
 * so the table keeps its own role. Checked at start and after every resize.
 */

import { fitLines } from "./narrow-lines";

/** The boxes that may scroll, with what their label calls them. */
const KINDS: readonly [selector: string, label: string][] = [
  [".katex-display, .stepwise-math", "formula"],
  [".cell-input pre", "code"],
  ["pre.output", "output"],
  [".output:not(pre)", "output"],
  [".table-scroll", "table"],
  [".stepwise-try-preview", "preview"],
];

function wrapTables(): void {
  for (const table of Array.from(document.querySelectorAll("main table, .index table"))) {
    if (table.parentElement?.classList.contains("table-scroll")) continue;
    const wrap = document.createElement("div");
    wrap.className = "table-scroll";
    table.replaceWith(wrap);
    wrap.appendChild(table);
  }
}

/** Where a box is, for its label: "in cell 7" inside a notebook cell, else "". */
function place(box: Element): string {
  const cell = box.closest("section.cell[id^='cell-']");
  return cell ? ` in cell ${cell.id.slice("cell-".length)}` : "";
}

/** Attributes this script set on a box (so it removes only its own). */
const OWN = "data-scrolls";

function mark(): void {
  // a derivation line shows its narrow form first where it does not fit, so that only what still scrolls is marked
  fitLines();
  // every region's label is unique on the page (a screen reader lists them by label)
  const used = new Set<string>(
    Array.from(document.querySelectorAll("[role=region][aria-label]:not([data-scrolls])")).map(
      (e) => e.getAttribute("aria-label") ?? "",
    ),
  );
  const marked: [HTMLElement, string][] = [];
  for (const [selector, kind] of KINDS) {
    for (const box of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const scrolls = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
      const own = box.getAttribute(OWN);
      if (scrolls) marked.push([box, kind]);
      else if (own !== null) {
        box.removeAttribute(OWN);
        box.removeAttribute("tabindex");
        if (own.includes("role")) box.removeAttribute("role");
        if (own.includes("label")) box.removeAttribute("aria-label");
      }
    }
  }
  for (const [box, kind] of marked) {
    let own = box.getAttribute(OWN);
    if (own === null) {
      own = "";
      if (!box.hasAttribute("role")) {
        box.setAttribute("role", "region");
        own += "role ";
      }
      if (!box.hasAttribute("aria-label")) own += "label";
      box.tabIndex = 0;
      box.setAttribute(OWN, own.trim());
    }
    if (own.includes("label")) {
      const base = `${kind}${place(box)}`;
      let label = `${base}, scrolls sideways`;
      for (let k = 2; used.has(label); k++) label = `${base} (${k}), scrolls sideways`;
      box.setAttribute("aria-label", label);
      used.add(label);
    } else used.add(box.getAttribute("aria-label") ?? "");
  }
}

/**
 * Marks the page's scrolling boxes now and after every resize (and when asked: the
 * widget's preview grows as the reader types).
 *
 * @returns the function that marks them again
 */
export function watchScrollRegions(): () => void {
  wrapTables();
  mark();
  let frame = 0;
  const again = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(mark);
  };
  window.addEventListener("resize", again);
  // fonts change widths once they load: KaTeX's load when a formula first uses them, which can be after `ready`
  // first resolved (then only "loadingdone" tells)
  document.fonts?.ready.then(again, () => undefined);
  document.fonts?.addEventListener?.("loadingdone", again);
  return again;
}
