import { suite } from "uvu";
import * as assert from "uvu/assert";
import { sendBundle, setDisplaySink, type MimeBundle } from "../../../lib/display";
import { throwsError } from "../charts/helpers";
import { captureBundles, captureConsole, withFakeTslabModule } from "./capture";

const bundle: MimeBundle = { "text/html": "<b>hi</b>", "text/plain": "hi" };

const send = suite("sendBundle");

send("should hand the bundle to the sink when one is set", () => {
  let target = "";
  const sent = captureBundles(() => {
    target = sendBundle(bundle);
  });
  assert.is(target, "sink");
  assert.equal(sent, [bundle]);
});

send("should print text/plain with console.log outside a kernel", () => {
  let target = "";
  const lines = captureConsole(() => {
    target = sendBundle(bundle);
  });
  assert.is(target, "console");
  assert.equal(lines, ["hi"]);
});

send("should send the whole bundle through tslab's lastWriteDisplayData in a kernel", () => {
  const calls: unknown[][] = [];
  withFakeTslabModule("jupyter.js", { lastWriteDisplayData: (...args: unknown[]) => calls.push(args) }, () => {
    assert.is(sendBundle(bundle), "kernel");
  });
  assert.equal(calls, [[{ data: bundle, metadata: {}, transient: {} }, false]]);
});

send("should ignore a loaded jupyter module whose lastWriteDisplayData is null", () => {
  withFakeTslabModule("jupyter.js", { lastWriteDisplayData: null }, () => {
    assert.equal(
      captureConsole(() => assert.is(sendBundle(bundle), "console")),
      ["hi"],
    );
  });
});

send("should fall back to tslab's display.html, or to the console when it is not ready", () => {
  const html: string[] = [];
  withFakeTslabModule("public.js", { display: { html: (s: string) => html.push(s), text() {} } }, () => {
    assert.is(sendBundle(bundle), "kernel");
  });
  assert.equal(html, ["<b>hi</b>"]);
  const notReady = {
    html() {
      throw new Error("Not ready");
    },
    text() {},
  };
  withFakeTslabModule("public.js", { display: notReady }, () => {
    assert.equal(
      captureConsole(() => assert.is(sendBundle(bundle), "console")),
      ["hi"],
    );
  });
});

send("should throw TypeError for a bundle without text/plain", () => {
  throwsError(() => sendBundle({ "text/html": "x" } as never), TypeError, /text\/plain string, got \["text\/html"\]/);
});

send.run();

const sink = suite("setDisplaySink");

sink("should return the previous sink and restore normal sending with null", () => {
  const a = () => undefined;
  assert.is(setDisplaySink(a), null);
  assert.is(setDisplaySink(null), a);
  assert.equal(
    captureConsole(() => sendBundle(bundle)),
    ["hi"],
  );
});

sink("should throw TypeError for something that is not a function", () => {
  throwsError(() => setDisplaySink(3 as never), TypeError, /function or null, got number/);
});

sink.run();
