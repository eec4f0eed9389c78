import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, pageNoun } from "../../../lib/pipeline/build";
import { folderTitle } from "../../../lib/site/render/render-site";
import { code, md, notebook, ROOT, tempDir, writeNotebook } from "./helpers";

test("folderTitle: the README's first heading, else the folder's name as words", () => {
  const dir = path.join(tempDir(), "my_deep-learning-notes");
  writeNotebook(path.join(dir, "a.ipynb"), notebook([md("# A")]));
  assert.is(folderTitle(dir), "my deep learning notes");
  writeFileSync(path.join(dir, "README.md"), "Some text first\n\n## Experiments with tslab ##\n\n# Later heading\n");
  assert.is(folderTitle(dir), "Experiments with tslab");
});

test("pageNoun: 'Tutorial' only for the kit's own notebooks/", () => {
  assert.is(pageNoun(path.join(ROOT, "notebooks")), "Tutorial");
  assert.is(pageNoun(path.join(ROOT, "notebooks", ".")), "Tutorial");
  assert.is(pageNoun(tempDir()), "Notebook");
  assert.is(pageNoun(path.join(ROOT, "test", "fixtures", "site")), "Notebook");
});

test("a site of another folder is titled by its README and says 'Notebook N of M', never 'Tutorial'", async () => {
  const base = tempDir();
  const dir = path.join(base, "examples");
  writeFileSync(path.join(base, "unrelated.txt"), "");
  writeNotebook(path.join(dir, "01-basics.ipynb"), notebook([md("# Basics"), code("1")]));
  writeNotebook(path.join(dir, "02-more.ipynb"), notebook([md("# More"), code("2")]));
  writeFileSync(path.join(dir, "README.md"), "# tslab examples\n\nA few notebooks.\n");
  const out = path.join(base, "site");
  await buildSite({ notebooksDir: dir, out, execute: false, cacheDir: path.join(base, "cache") });
  const index = readFileSync(path.join(out, "index.html"), "utf8");
  assert.match(index, /<h1>tslab examples<\/h1>/);
  assert.match(index, /<meta name="description" content="2 notebooks">/);
  const page = readFileSync(path.join(out, "02-more.html"), "utf8");
  assert.ok(page.includes('<span class="site-position">Notebook 2 of 2</span>'), page.slice(0, 2000));
  for (const html of [index, page])
    assert.not.ok(/tutorial/i.test(html.replace(/class="[^"]*"/g, "")), "no 'tutorial' in the words of the site");
});

test.run();
