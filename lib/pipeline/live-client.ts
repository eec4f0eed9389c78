/**
 * The live preview's browser script (bundled by esbuild and served as
 * /__stepwise/live.js, a file of the same origin, so the site's
 * Content-Security-Policy lets it run, see `liveClientScript`): it listens to the
 * event stream /__stepwise/events, reloads the page on "reload", and on "failed"
 * shows the build error in a box over the page (removed by the next successful
 * build). While a rebuild is under way ("building", then "progress" per notebook, or
 * a "state" that names one when the page connects) a banner at the top right,
 * `#stepwise-live-building` (role="status"), says what is being rebuilt and how many
 * notebooks are done. Runs in the reader's browser: nothing here may import a Node module.
 */

const BOX_ID = "stepwise-live-error";
const BOX_STYLE =
  "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:50vh;overflow:auto;z-index:1000;" +
  "background:#fff4f4;color:#600;border:2px solid #c00;border-radius:6px;padding:0.75rem 1rem;" +
  "font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;box-shadow:0 4px 16px rgba(0,0,0,.2)";
const BANNER_ID = "stepwise-live-building";
const BANNER_STYLE =
  "position:fixed;top:.75rem;right:.75rem;z-index:1001;background:#fffbe6;color:#5a4300;border:1px solid #d9b200;" +
  "border-radius:6px;padding:.4rem .75rem;font:13px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.15)";

/** What the server says is being rebuilt. */
interface Building {
  what: string;
  done: number;
  total: number;
}

function show(message: string): void {
  let el = document.getElementById(BOX_ID);
  if (!el) {
    el = document.createElement("div");
    el.id = BOX_ID;
    el.setAttribute("role", "alert");
    el.style.cssText = BOX_STYLE;
    document.body.appendChild(el);
  }
  el.textContent = `stepwise dev: the last build failed\n\n${message}`;
}

function building(b: Building | null): void {
  let el = document.getElementById(BANNER_ID);
  if (!b) {
    el?.remove();
    return;
  }
  if (!el) {
    el = document.createElement("div");
    el.id = BANNER_ID;
    el.setAttribute("role", "status");
    el.style.cssText = BANNER_STYLE;
    document.body.appendChild(el);
  }
  el.textContent = `\u27f3 stepwise dev: ${b.what}\u2026${b.total > 1 ? ` (${b.done} of ${b.total} done)` : ""}`;
  el.dataset.done = String(b.done);
}

const data = (e: Event): unknown => JSON.parse((e as MessageEvent<string>).data);
let current: Building | null = null;
const source = new EventSource("/__stepwise/events");
source.addEventListener("reload", () => location.reload());
source.addEventListener("building", (e) => {
  current = data(e) as Building;
  building(current);
});
source.addEventListener("progress", (e) => {
  if (!current) return;
  current.done = (data(e) as { done: number }).done;
  building(current);
});
source.addEventListener("failed", (e) => {
  current = null;
  building(null);
  show((data(e) as { message: string }).message);
});
source.addEventListener("state", (e) => {
  const s = data(e) as { error: string | null; building?: Building | null };
  if (s.error) show(s.error);
  else document.getElementById(BOX_ID)?.remove();
  current = s.building ?? null;
  building(current);
});

export {};
