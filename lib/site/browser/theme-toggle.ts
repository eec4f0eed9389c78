/**
 * The header's light/dark toggle and the charts' colours in each scheme (part of
 * assets/stepwise.js). The stylesheet holds every other colour as a light-dark() pair.
 */
import { THEME_ATTR, THEME_STORAGE_KEY } from "./markers";

export type Scheme = "light" | "dark";

const root = document.documentElement;
const systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

/** The scheme the page shows now: the reader's choice, else the system's. */
export function currentScheme(): Scheme {
  const chosen = root.getAttribute(THEME_ATTR);
  if (chosen === "light" || chosen === "dark") return chosen;
  return systemDark?.matches ? "dark" : "light";
}

/** A CSS colour (e.g. "var(--line)") as the browser resolves it now, "rgb(…)". */
export function resolvedColor(css: string): string {
  const probe = document.createElement("span");
  probe.style.color = css;
  probe.hidden = true;
  document.body.appendChild(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/**
 * Adds the toggle to the header: a button "Dark mode" whose aria-pressed says whether
 * the page is dark. A click switches the scheme and remembers it; `onChange` runs after
 * every change of scheme (a click, or the system's scheme when the reader chose none).
 *
 * @param onChange called with the new scheme
 */
export function addThemeToggle(onChange: (scheme: Scheme) => void): void {
  const header = document.querySelector(".site-header");
  if (!header) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "theme-toggle";
  button.textContent = "Dark mode";
  const sync = (): void => button.setAttribute("aria-pressed", String(currentScheme() === "dark"));
  sync();
  button.addEventListener("click", () => {
    const next: Scheme = currentScheme() === "dark" ? "light" : "dark";
    root.setAttribute(THEME_ATTR, next);
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // not remembered where storage is blocked; the page still switches
    }
    sync();
    onChange(next);
  });
  systemDark?.addEventListener("change", () => {
    if (root.hasAttribute(THEME_ATTR)) return;
    sync();
    onChange(currentScheme());
  });
  header.appendChild(button);
}

/** What a chart's layout gets in the current scheme: transparent backgrounds, the page's text and line colours. */
export function chartLayoutColors(): Record<string, string> {
  const text = resolvedColor("var(--text)");
  const line = resolvedColor("var(--line)");
  const muted = resolvedColor("var(--muted)");
  const colors: Record<string, string> = {
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    "font.color": text,
    "legend.font.color": text,
    "title.font.color": text,
  };
  for (const axis of ["xaxis", "yaxis"]) {
    colors[`${axis}.color`] = text;
    colors[`${axis}.linecolor`] = muted;
    colors[`${axis}.gridcolor`] = line;
    colors[`${axis}.zerolinecolor`] = muted;
  }
  return colors;
}

/** The traces whose line is drawn in black (a decision boundary): they take the text colour, so they show on a dark page. */
export function blackTraces(data: unknown[]): number[] {
  const black = (c: unknown): boolean =>
    typeof c === "string" && /^(#000(000)?|black|rgb\(0, ?0, ?0\))$/i.test(c.trim());
  return data.flatMap((t, i) => (black((t as { line?: { color?: unknown } }).line?.color) ? [i] : []));
}

/** Sets a dotted path ("xaxis.gridcolor") in an object, making the objects on the way. */
export function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  let at = target;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== "object" || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}
