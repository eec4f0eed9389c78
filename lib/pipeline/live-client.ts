/**
 * The live preview's browser script (served as /__stepwise/live.js, a file of
 * the same origin, so the site's Content-Security-Policy lets it run): it listens
 * to the event stream /__stepwise/events, reloads the page on "reload", and on
 * "failed" shows the build error in a box over the page (removed by the next
 * successful build). While a rebuild is under way ("building", then "progress" per
 * notebook, or a "state" that names one when the page connects) a banner at the top
 * right, `#stepwise-live-building` (role="status"), says what is being rebuilt and how
 * many notebooks are done. Plain ES2017, no dependencies.
 */
export const LIVE_CLIENT_JS = `(() => {
  "use strict";
  const box = () => document.getElementById("stepwise-live-error");
  const show = (message) => {
    let el = box();
    if (!el) {
      el = document.createElement("div");
      el.id = "stepwise-live-error";
      el.setAttribute("role", "alert");
      el.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:50vh;overflow:auto;z-index:1000;" +
        "background:#fff4f4;color:#600;border:2px solid #c00;border-radius:6px;padding:0.75rem 1rem;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;box-shadow:0 4px 16px rgba(0,0,0,.2)";
      document.body.appendChild(el);
    }
    el.textContent = "stepwise dev: the last build failed\\n\\n" + message;
  };
  const banner = () => document.getElementById("stepwise-live-building");
  const building = (b) => {
    let el = banner();
    if (!b) {
      if (el) el.remove();
      return;
    }
    if (!el) {
      el = document.createElement("div");
      el.id = "stepwise-live-building";
      el.setAttribute("role", "status");
      el.style.cssText = "position:fixed;top:.75rem;right:.75rem;z-index:1001;background:#fffbe6;color:#5a4300;border:1px solid #d9b200;" +
        "border-radius:6px;padding:.4rem .75rem;font:13px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.15)";
      document.body.appendChild(el);
    }
    el.textContent = "\u27f3 stepwise dev: " + b.what + "\u2026" + (b.total > 1 ? " (" + b.done + " of " + b.total + " done)" : "");
    el.dataset.done = String(b.done);
  };
  let current = null;
  const source = new EventSource("/__stepwise/events");
  source.addEventListener("reload", () => location.reload());
  source.addEventListener("building", (e) => building((current = JSON.parse(e.data))));
  source.addEventListener("progress", (e) => {
    if (!current) return;
    current.done = JSON.parse(e.data).done;
    building(current);
  });
  source.addEventListener("failed", (e) => {
    building((current = null));
    show(JSON.parse(e.data).message);
  });
  source.addEventListener("state", (e) => {
    const s = JSON.parse(e.data);
    if (s.error) show(s.error);
    else if (box()) box().remove();
    building((current = s.building || null));
  });
})();
`;
