#!/usr/bin/env node
// The kit's kernels (jupyter/kernels/tslab and jslab) start tslab through this file: it is
// tslab's own `tslab kernel …` (same arguments, same code) with two changes.
//
// 1. Stream output.
// tslab sends every write to stdout or stderr as one IOPub message. A cell that prints
// many lines at once (a loop of console.log) sends thousands of messages in a burst, more
// than ZeroMQ's publisher queue holds (its high-water mark, 1000 messages), and ZeroMQ
// drops the rest without a word: 600 lines arrived as 499, 1,000,000 as 498. Here, as
// ipykernel does for Python, writes are gathered and sent as one stream message per
// stream at most every FLUSH_MS milliseconds (or once BATCH_CHARS characters are waiting),
// and always before display data and before the cell's execute_reply, so the order of
// outputs and the moment a cell counts as finished stay as they were.
//
// 2. `import … from "stepwise"` in a folder that cannot resolve it. When STEPWISE_KIT (the
// kit's folder) is set, as `stepwise build` and `dev` set it for a notebooks folder outside
// the kit, "stepwise" and "stepwise/…" that the folder does not resolve by itself come from
// the kit, for the compiler (a `paths` entry) and for Node's require (a fallback after
// Node's own search fails). Nothing is written into the folder, and the kernel keeps the
// notebook's folder as its working directory, as in JupyterLab. The variable is removed
// from the kernel's environment once read.

const Module = require("node:module");
const path = require("node:path");

const TSLAB = path.join(__dirname, "..", "node_modules", "tslab");

const KIT = process.env.STEPWISE_KIT;
delete process.env.STEPWISE_KIT;
if (KIT) {
  // TypeScript's exports are read-only getters: tslab's converter gets a view of the module whose
  // createWatchCompilerHost adds the paths (an absolute target needs no baseUrl; the kit's
  // package.json names dist/index.d.ts as its types)
  const TS = "@tslab/typescript-for-tslab";
  const ts = require(require.resolve(TS, { paths: [TSLAB] }));
  const createHost = (rootFiles, options, ...rest) => {
    const paths = { stepwise: [KIT], "stepwise/*": [path.join(KIT, "dist", "*")], ...options?.paths };
    return ts.createWatchCompilerHost(rootFiles, { ...options, paths }, ...rest);
  };
  const view = new Proxy(ts, { get: (target, key) => (key === "createWatchCompilerHost" ? createHost : target[key]) });
  const load = Module._load;
  Module._load = function (request, parent, ...rest) {
    if (request === TS && parent?.filename?.startsWith(TSLAB + path.sep)) return view;
    return load.call(this, request, parent, ...rest);
  };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, isMain, options) {
    try {
      return resolve.call(this, request, parent, isMain, options);
    } catch (err) {
      if (err && err.code === "MODULE_NOT_FOUND" && (request === "stepwise" || request.startsWith("stepwise/"))) {
        return resolve.call(this, request, parent, isMain, { paths: [KIT] });
      }
      throw err;
    }
  };
}

// loaded after the hooks above, which must see tslab load TypeScript
const { ZmqServer } = require(path.join(TSLAB, "dist", "jupyter.js"));

/** The longest a write waits before it is sent, in milliseconds. */
const FLUSH_MS = 20;
/** A batch this long (in UTF-16 code units) is sent at once. */
const BATCH_CHARS = 1 << 20;

/**
 * tslab's ZmqServer.handleExecute, with batched streams: runs one execute_request and
 * sends its outputs on IOPub and its reply on the shell socket. Outputs written after the
 * cell finished (a timer) still go to this cell, as in tslab.
 */
ZmqServer.prototype.handleExecute = async function handleExecute(sock, msg) {
  const key = this.connInfo.key;
  const iopub = this.iopub;
  const publish = (type, content) => {
    const out = msg.createReply();
    out.header.msg_type = type;
    out.content = content;
    out.signAndSend(key, iopub);
  };
  let name = null;
  let text = "";
  let timer = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (text) publish("stream", { name, text });
    text = "";
  };
  const writeStream = (stream, chunk) => {
    if (stream !== name) flush();
    name = stream;
    text += chunk;
    if (text.length >= BATCH_CHARS) flush();
    else if (!timer) timer = setTimeout(flush, FLUSH_MS);
  };
  const writeDisplayData = (data, update) => {
    flush();
    publish(update ? "update_display_data" : "display_data", data);
  };
  const content = await this.handler.handleExecute(msg.content, writeStream, writeDisplayData);
  flush();
  const reply = msg.createReply();
  reply.header.msg_type = "execute_reply";
  reply.content = content;
  reply.signAndSend(key, sock);
};

require(path.join(TSLAB, "dist", "main.js")).main();
