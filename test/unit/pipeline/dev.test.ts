import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startDev, type DevSession } from "../../../lib/pipeline/dev";
import { launchChromium } from "../../shared";
import { code, md, notebook, tempDir, writeNotebook } from "./helpers";

const work = tempDir("stepwise-dev-test-");
const dir = path.join(work, "notebooks");
const file = path.join(dir, "live.ipynb");
const cells = (text: string, source = "console.log('printed ' + (6 * 7))") =>
  notebook([md(`# Live\n\n${text}`), code(source)]);

/** The data of a live-preview event: the pages of a reload, the message of a failure, the error of a state. */
type EventData = { pages?: string[]; message?: string; error?: string };

/** The server-sent events of the live preview, collected as they arrive. */
class Events {
  readonly seen: { event: string; data: EventData }[] = [];
  private res?: IncomingMessage;
  constructor(url: string) {
    request(new URL("__stepwise/events", url), (res) => {
      this.res = res;
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        buffer += d;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
          this.seen.push({ event, data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null") });
        }
      });
    }).end();
  }
  async next(event: string, after: number): Promise<EventData> {
    for (let i = 0; i < 2400; i++) {
      const hit = this.seen.slice(after).find((e) => e.event === event);
      if (hit) return hit.data;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no "${event}" event; seen: ${JSON.stringify(this.seen)}`);
  }
  close(): void {
    this.res?.destroy();
  }
}

const s = suite("stepwise dev");
let dev: DevSession;
let events: Events;
/** What dev printed, with the time of each line since startDev was called (seconds). */
const printed: { line: string; at: number }[] = [];
s.before(async () => {
  writeNotebook(file, cells("first text"));
  const t0 = Date.now();
  dev = await startDev({
    notebooksDir: dir,
    out: path.join(work, "site"),
    port: 0,
    libDir: null,
    cacheDir: path.join(work, "cache"),
    jobs: 1,
    log: (line) => printed.push({ line, at: (Date.now() - t0) / 1000 }),
  });
  events = new Events(dev.url);
});
s.after(async () => {
  events.close();
  await dev.close();
});

s("should build, serve on 127.0.0.1 and put the live script in every page", async () => {
  assert.match(dev.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.equal(dev.last()?.executed, ["live.ipynb"]);
  const page = await (await fetch(dev.url + "live.html")).text();
  assert.ok(page.includes("printed 42"));
  assert.ok(page.includes('<script defer src="/__stepwise/live.js"></script>\n</body>'));
  const script = await fetch(dev.url + "__stepwise/live.js");
  assert.is(script.status, 200);
  assert.match(await script.text(), /new EventSource\("\/__stepwise\/events"\)/);
  await events.next("state", 0);
});

s("should print progress from its first second: where it serves, what it rebuilds, each notebook done", () => {
  const lines = printed.map((p) => p.line);
  assert.match(lines[0], /^stepwise dev: serving .* at http:\/\/127\.0\.0\.1:\d+\/ — the first build is under way/);
  assert.ok(printed[0].at < 1, `the first line came after ${printed[0].at} s`);
  assert.is(lines[1], "stepwise dev: rebuilding live.ipynb…");
  assert.match(
    lines[2],
    /^ {2}\[1\/1\] ✓ live\.ipynb {2}executed in \d+\.\d s \(kernel start \d+\.\d s, cells \d+\.\d s\)$/,
  );
  assert.match(lines[3], /^stepwise dev: rebuilt 1 page\(s\) \(1 executed\)/);
});

s("should re-render a markdown edit from the cache, without executing, and tell the page to reload", async () => {
  const n = events.seen.length;
  writeNotebook(file, cells("second text"));
  const data = await events.next("reload", n);
  assert.equal(data.pages, ["live.ipynb"]);
  assert.equal(dev.last()?.executed, [], "the code did not change: nothing ran");
  const page = await (await fetch(dev.url + "live.html")).text();
  assert.ok(page.includes("second text") && page.includes("printed 42"));
});

s("should tell open pages that a rebuild is under way, then each notebook done, then reload", async () => {
  const n = events.seen.length;
  writeNotebook(file, cells("second text", "console.log('printed ' + (6 * 8))"));
  assert.equal(await events.next("building", n), { what: "rebuilding live.ipynb", done: 0, total: 1 });
  assert.equal(await events.next("progress", n), { file: "live.ipynb", done: 1, total: 1, ok: true });
  await events.next("reload", n);
  const order = events.seen.slice(n).map((e) => e.event);
  assert.equal(order, ["building", "progress", "reload"]);
  // the code edit ran in the spare kernel the first build's run left ready
  const runs = dev.last()?.phases.runs ?? [];
  assert.equal(
    runs.map((r) => [r.file, r.timings.spare]),
    [["live.ipynb", true]],
  );
  assert.match(
    printed[printed.length - 2].line,
    /live\.ipynb {2}executed in \d+\.\d s \(spare kernel, cells \d+\.\d s\)$/,
  );
});

s("should drop the page of a notebook deleted while it runs, and keep the others", async () => {
  const extra = path.join(dir, "sub", "gone.ipynb");
  let n = events.seen.length;
  writeNotebook(extra, notebook([md("# Gone soon"), code("console.log('here')")]));
  await events.next("reload", n);
  assert.is((await fetch(dev.url + "sub/gone.html")).status, 200);
  assert.is((await fetch(dev.url + "notebooks/sub/gone.ipynb")).status, 200);
  n = events.seen.length;
  rmSync(extra);
  await events.next("reload", n);
  assert.is((await fetch(dev.url + "sub/gone.html")).status, 404, "the deleted notebook's page is gone");
  assert.is((await fetch(dev.url + "notebooks/sub/gone.ipynb")).status, 404, "and its download copy");
  assert.is((await fetch(dev.url + "live.html")).status, 200);
  assert.not.match(await (await fetch(dev.url)).text(), /Gone soon/, "the index no longer lists it");
});

s("should report a failing cell to the page and keep serving the last good page", async () => {
  const n = events.seen.length;
  writeNotebook(file, cells("third text", "throw new Error('broken on purpose')"));
  const data = await events.next("failed", n);
  assert.match(data.message ?? "", /^live\.ipynb, cell 2 \(code cell 1\): Error: broken on purpose/);
  const page = await fetch(dev.url + "live.html");
  assert.is(page.status, 200);
  assert.ok((await page.text()).includes("second text"));
  const later = new Events(dev.url);
  const state = await later.next("state", 0);
  later.close();
  assert.match(state.error ?? "", /broken on purpose/, "a page opened now shows the error too");
});

s("should reload the open page in a browser after a save, and show a build error in it", async () => {
  writeNotebook(file, cells("fourth text"));
  await events.next("reload", events.seen.length);
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(dev.url + "live.html");
    await tab.waitForFunction(() => document.body.textContent?.includes("fourth text"));
    const navigated = tab.waitForEvent("load");
    writeNotebook(file, cells("fifth text"));
    await navigated;
    await tab.waitForFunction(() => document.body.textContent?.includes("fifth text"), undefined, { timeout: 10_000 });
    writeNotebook(file, cells("sixth", "null.x"));
    const banner = await tab.waitForSelector("#stepwise-live-building", { timeout: 30_000 });
    assert.is(await banner.getAttribute("role"), "status");
    assert.match((await banner.textContent()) ?? "", /stepwise dev: rebuilding live\.ipynb/);
    const box = await tab.waitForSelector("#stepwise-live-error", { timeout: 60_000 });
    assert.match((await box.textContent()) ?? "", /the last build failed[\s\S]*live\.ipynb, cell 2 \(code cell 1\)/);
    assert.ok(await tab.evaluate(() => document.body.textContent?.includes("fifth text")), "the last good page stays");
    assert.is(await tab.$("#stepwise-live-building"), null, "the banner goes when the build ends");
  } finally {
    await browser.close();
  }
});

// a lib watched by a second session: saving a .ts file there recompiles the kit's dist/ and rebuilds every page
const libSuite = suite("stepwise dev, lib/ watched");
libSuite("should recompile the lib and rebuild every page when a lib source is saved", async () => {
  const lib = path.join(work, "lib");
  mkdirSync(lib);
  writeFileSync(path.join(lib, "a.ts"), "export const a = 1;\n");
  writeNotebook(file, cells("lib text"));
  const second = await startDev({
    notebooksDir: dir,
    out: path.join(work, "site-lib"),
    port: 0,
    libDir: lib,
    cacheDir: path.join(work, "cache"),
    jobs: 1,
  });
  const seen = new Events(second.url);
  try {
    await seen.next("state", 0);
    const n = seen.seen.length;
    writeFileSync(path.join(lib, "a.ts"), "export const a = 2;\n");
    const data = await seen.next("reload", n);
    assert.equal(data.pages, ["live.ipynb"]);
    assert.ok(second.last()?.ok);
  } finally {
    seen.close();
    await second.close();
  }
});

s.run();
libSuite.run();
