/**
 * The search box in every page's header (part of assets/stepwise.js): a labelled field
 * that "/" focuses from anywhere outside a text field; assets/search.js and the index
 * load on first use (focus, pointer over, or "/"), never at first paint. Results are
 * links to the sections, under the field, with their count in a polite live region;
 * ↓ and ↑ move from the field through the results (Enter follows one); Escape clears the
 * field, then leaves it. Without JavaScript there is no box.
 */
import type { StepwiseSearch } from "./search";

/** How long after the last key a query runs (ms). */
const DEBOUNCE_MS = 80;

let loading: Promise<StepwiseSearch> | undefined;

function loadSearch(scriptUrl: string): Promise<StepwiseSearch> {
  loading ??= new Promise<StepwiseSearch>((resolve, reject) => {
    const s = document.createElement("script");
    s.src = scriptUrl;
    s.async = true;
    s.onload = () =>
      window.stepwiseSearch
        ? window.stepwiseSearch.then(resolve, reject)
        : reject(new Error("the search did not start"));
    s.onerror = () => {
      loading = undefined;
      reject(new Error(`the search (${scriptUrl}) could not be loaded`));
    };
    document.head.appendChild(s);
  });
  return loading;
}

/**
 * Adds the search box to the header.
 *
 * @param assetsUrl the URL of the site's assets/ folder, ending in "/" (search.js and the index are there)
 */
export function addSearchBox(assetsUrl: string): void {
  const header = document.querySelector(".site-header");
  if (!header) return;
  const siteRoot = new URL("..", assetsUrl);
  const form = document.createElement("form");
  form.className = "site-search";
  form.setAttribute("role", "search");
  form.innerHTML =
    '<label for="site-search-input" class="visually-hidden">Search the tutorials</label>' +
    '<input id="site-search-input" type="search" autocomplete="off" spellcheck="false" placeholder="Search (press /)" aria-describedby="site-search-status" aria-controls="site-search-results">' +
    '<p id="site-search-status" class="visually-hidden" role="status" aria-live="polite"></p>' +
    '<ol id="site-search-results" class="site-search-results" hidden></ol>';
  header.appendChild(form);
  const input = form.querySelector("input")!;
  const status = form.querySelector<HTMLElement>("#site-search-status")!;
  const list = form.querySelector<HTMLOListElement>("ol")!;
  const warm = (): void => {
    loadSearch(`${assetsUrl}search.js`).catch((err: Error) => {
      status.textContent = err.message;
    });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    const query = input.value;
    loadSearch(`${assetsUrl}search.js`).then(
      (search) => {
        if (input.value !== query) return;
        const hits = search.search(query);
        list.textContent = "";
        for (const h of hits) {
          const li = document.createElement("li");
          const a = document.createElement("a");
          a.href = new URL(h.url, siteRoot).href;
          a.textContent = h.section === h.page ? h.page : `${h.section}`;
          const where = document.createElement("span");
          where.className = "site-search-page";
          where.textContent = h.section === h.page ? "" : ` · ${h.page}`;
          li.append(a, where);
          list.appendChild(li);
        }
        list.hidden = query.trim() === "";
        status.textContent =
          query.trim() === ""
            ? ""
            : `${hits.length === 0 ? "No" : hits.length} result${hits.length === 1 ? "" : "s"} for “${query.trim()}”`;
        if (query.trim() && hits.length === 0) {
          const li = document.createElement("li");
          li.className = "site-search-none";
          li.textContent = "No section matches.";
          list.appendChild(li);
        }
        document.documentElement.setAttribute("data-search-results", String(hits.length));
      },
      (err: Error) => {
        status.textContent = err.message;
      },
    );
  };
  input.addEventListener("focus", warm);
  form.addEventListener("pointerenter", warm);
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
    list.querySelector("a")?.focus();
  });
  // ↓ from the field goes to the first result, ↓/↑ move between results, ↑ from the first returns
  // to the field; Enter on a result follows its link
  form.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = Array.from(list.querySelectorAll<HTMLAnchorElement>("a"));
    if (list.hidden || links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = e.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
    e.preventDefault();
    if (next < 0) input.focus();
    else links[next].focus();
  });
  form.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    if (input.value) {
      input.value = "";
      list.hidden = true;
      status.textContent = "";
      input.focus();
    } else input.blur();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
  });
}
