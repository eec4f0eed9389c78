/**
 * The live preview's browser script (bundled by esbuild and served as
 * /__stepwise/live.js, a file of the same origin, so the site's
 * Content-Security-Policy lets it run, see `liveClientScript`): it listens to the
 * event stream /__stepwise/events, reloads the page on "reload", and on "failed"
 * shows the build error in a box over the page (removed by the next successful
 * build). Runs in the reader's browser: nothing here may import a Node module.
 */

const BOX_ID = "stepwise-live-error";
const BOX_STYLE =
  "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:50vh;overflow:auto;z-index:1000;" +
  "background:#fff4f4;color:#600;border:2px solid #c00;border-radius:6px;padding:0.75rem 1rem;" +
  "font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;box-shadow:0 4px 16px rgba(0,0,0,.2)";

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

const source = new EventSource("/__stepwise/events");
source.addEventListener("reload", () => location.reload());
source.addEventListener("failed", (e) =>
  show((JSON.parse((e as MessageEvent<string>).data) as { message: string }).message),
);
source.addEventListener("state", (e) => {
  const s = JSON.parse((e as MessageEvent<string>).data) as { error: string | null };
  if (s.error) show(s.error);
  else document.getElementById(BOX_ID)?.remove();
});

export {};
