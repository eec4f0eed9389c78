import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listNotebooks } from "../../../lib/pipeline/build";
import { serveSite } from "../../../lib/pipeline/serve";
import { ROOT, tempDir } from "./helpers";

const FIXTURE = path.join(ROOT, "test", "fixtures", "sections");

const list = suite("listNotebooks with subfolders");

list(
  "should list the top folder's notebooks first, then each subfolder's, skipping hidden folders, node_modules and sites",
  () => {
    const dir = tempDir();
    cpSync(FIXTURE, dir, { recursive: true });
    for (const d of [".ipynb_checkpoints", "node_modules/x", "built"])
      mkdirSync(path.join(dir, d), { recursive: true });
    cpSync(path.join(FIXTURE, "01-top.ipynb"), path.join(dir, ".ipynb_checkpoints", "01-top-checkpoint.ipynb"));
    cpSync(path.join(FIXTURE, "01-top.ipynb"), path.join(dir, "node_modules", "x", "a.ipynb"));
    cpSync(path.join(FIXTURE, "01-top.ipynb"), path.join(dir, "built", "a.ipynb"));
    cpSync(path.join(FIXTURE, "README.md"), path.join(dir, "built", ".stepwise-site"));
    assert.equal(listNotebooks(dir), ["01-top.ipynb", "basics/02-inner.ipynb", "more-things/03-deep.ipynb"]);
    assert.equal(listNotebooks(dir, [path.join(dir, "basics")]), ["01-top.ipynb", "more-things/03-deep.ipynb"]);
  },
);

// The fixture copied outside the project and built from a third folder, as a user would build ~/my-notebooks.
const anywhere = suite("a notebook folder outside the project, with sections and a JavaScript notebook");
const work = tempDir("stepwise-anywhere-test-");
const notebooks = path.join(work, "my-notebooks");
const site = path.join(work, "public");
const tmp = path.join(work, "tmp");
let stdout = "";

anywhere.before(() => {
  cpSync(FIXTURE, notebooks, { recursive: true });
  mkdirSync(tmp);
  mkdirSync(path.join(work, "elsewhere"));
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "bin", "stepwise.js"),
      "build",
      notebooks,
      "--out",
      site,
      "--cache-dir",
      path.join(work, "cache"),
      "--jobs",
      "2",
    ],
    {
      cwd: path.join(work, "elsewhere"),
      encoding: "utf8",
      env: { ...process.env, TMPDIR: tmp },
    },
  );
  stdout = r.stdout;
  assert.is(r.status, 0, r.stderr + r.stdout);
});

anywhere("should execute every notebook, importing the kit by name and reading files next to the notebook", () => {
  assert.match(stdout, /✓ basics\/02-inner\.ipynb {2}executed in/);
  const text = (page: string) => readFileSync(path.join(site, page), "utf8");
  assert.ok(text("01-top.html").includes("top 2"));
  assert.ok(text("basics/02-inner.html").includes("read from the folder of the notebook"));
  assert.ok(text("basics/02-inner.html").includes("1 4 9"), "the JavaScript notebook ran on jslab");
  assert.ok(
    text("more-things/03-deep.html").includes("sigmoid(0) = 0.5"),
    'import { sigmoid } from "stepwise" works outside the project',
  );
  assert.equal(readdirSync(tmp), [], "the temporary folders are removed");
  assert.not.ok(existsSync(path.join(notebooks, "node_modules")), "nothing is written into the user's folder");
});

anywhere("should group the index by section, titled by the folder's README or its name", () => {
  const index = readFileSync(path.join(site, "index.html"), "utf8");
  assert.match(
    index,
    /<section class="index-section" id="section-basics">\n<h2>The basics<\/h2>\n<ol[^>]*>\n<li class="tutorial">\n<a class="tutorial-title" href="basics\/02-inner\.html">/,
  );
  assert.match(index, /<section class="index-section" id="section-more-things">\n<h2>more things<\/h2>/);
  assert.ok(index.indexOf('href="01-top.html"') < index.indexOf("index-section"), "top-level notebooks come first");
});

anywhere(
  "should make every relative link, image, stylesheet and script of every page resolve on the served site",
  async () => {
    const server = await serveSite(site);
    try {
      const pages = ["index.html", "01-top.html", "basics/02-inner.html", "more-things/03-deep.html"];
      let checked = 0;
      for (const page of pages) {
        const html = readFileSync(path.join(site, page), "utf8");
        for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
          const ref = m[1].replace(/&amp;/g, "&");
          if (/^(#|data:|[a-z]+:)/i.test(ref)) continue;
          const url = new URL(ref, server.url + page);
          const res = await fetch(url);
          assert.is(res.status, 200, `${page}: ${ref} → ${url.pathname}`);
          if (url.hash) {
            const target = await res.text();
            assert.ok(target.includes(`id="${url.hash.slice(1)}"`), `${page}: ${ref} anchor exists`);
          }
          checked++;
        }
      }
      assert.ok(checked > 20, `checked ${checked} references`);
      const inner = readFileSync(path.join(site, "basics/02-inner.html"), "utf8");
      assert.ok(inner.includes('href="../01-top.html"'), "a link to ../01-top.ipynb points at its page");
      assert.ok(inner.includes('href="../assets/site.css"'), "the shell's assets are reached from the subfolder");
      assert.ok(
        existsSync(path.join(site, "basics", "img", "inner.svg")) && existsSync(path.join(site, "img", "top.svg")),
      );
      assert.ok(existsSync(path.join(site, "notebooks", "basics", "02-inner.ipynb")), "the download keeps the folder");
    } finally {
      await server.close();
    }
  },
);

list.run();
anywhere.run();
