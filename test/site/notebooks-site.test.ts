import { existsSync, readdirSync } from "node:fs";
import { suite } from "uvu";
import { buildLibOnce } from "./helpers";
import { NOTEBOOKS } from "../shared";
import { buildAndServe, checkAllPages, checkIndexOrder, close, type BuiltSite } from "./site-check";

const present = existsSync(NOTEBOOKS) && readdirSync(NOTEBOOKS).some((f) => f.toLowerCase().endsWith(".ipynb") && !f.startsWith("."));
let site: BuiltSite | undefined;

// The tutorials' own site, built like `npm start` does; only when notebooks/ has notebooks.
const s = suite("site built from notebooks/");
s.before(async () => {
  if (!present) return;
  buildLibOnce();
  site = await buildAndServe(NOTEBOOKS, "notebooks");
});
s.after(() => close(site));

if (present) {
  s("should list every tutorial on the index in file-name order", () => {
    checkIndexOrder(site!, NOTEBOOKS);
  });

  s("should render every tutorial without errors, with math, charts and derivations drawn", async () => {
    await checkAllPages(site!, "notebooks");
  });
}

s.run();
