import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { serveSite, type SiteServer } from "../../../lib/pipeline/serve";
import { rawGet, ROOT, tempDir } from "../site/helpers";

const get = (server: SiteServer, rawPath: string) => rawGet(server.url, rawPath);

const s = suite("serveSite with files it cannot serve");
let server: SiteServer;
let root: string;
s.before(async () => {
  root = tempDir();
  writeFileSync(path.join(root, "index.html"), "<h1>home</h1>");
  mkdirSync(path.join(root, "page.html")); // a folder named like a page, without index.html
  mkdirSync(path.join(root, "section"));
  writeFileSync(path.join(root, "section", "index.html"), "<h1>section</h1>");
  symlinkSync(path.join(root, "nowhere.html"), path.join(root, "dangling.html"));
  execFileSync("mkfifo", [path.join(root, "fifo.html")]);
  server = await serveSite(root, { injectHtml: "<script src=/x.js></script>" });
});
s.after(() => server.close());

s("should answer 404 for a folder named like a page, a dangling link and a FIFO, and keep serving", async () => {
  for (const p of ["/page.html", "/page.html/", "/dangling.html", "/fifo.html", "/missing.html"]) {
    const r = await get(server, p);
    assert.is(r.status, 404, p);
    const home = await get(server, "/");
    assert.is(home.status, 200, `still serving after ${p}`);
  }
  assert.is(
    (await get(server, "/section/")).body,
    "<h1>section</h1><script src=/x.js></script>",
    "HTML gets the injected script",
  );
});

s("should reject a missing folder with a message naming it", async () => {
  try {
    await serveSite(path.join(root, "no-site"));
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, /no such folder: .*no-site \(build the site first\)/);
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "stepwise.js"), "serve", path.join(root, "no-site")], {
    encoding: "utf8",
  });
  assert.is(r.status, 1);
  assert.match(
    r.stderr,
    /^stepwise: error: no such folder: .*no-site — build a site first \(stepwise build NOTEBOOKS_DIR --out .*no-site\)$/m,
  );
});

s.run();
