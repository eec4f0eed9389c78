/**
 * Stack frames that tell a reader of the site nothing about their notebook: frames in
 * the kernel's own code (a path through node_modules, e.g. tslab's executor) and in
 * Node's internals (`node:internal/…`, `(node:…)`). They carry the build machine's
 * install path, so the site drops them from error outputs and stderr.
 */
const INTERNAL_FRAME = /^\s*at\s.*(?:[\\/]node_modules[\\/]|\bnode:|\(internal[\\/])/;

/** ANSI escape sequences (SGR colours and the like), ignored when a line is classified. */
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/**
 * An error text as a site shows it: every stack-frame line ("    at …") that points
 * into node_modules or Node's internals is removed; the message and the frames of the
 * notebook's own code stay, colours included. When frames were removed, one line
 * "    at … (N frames of the kernel and Node.js left out)" takes their place.
 *
 * @param text a traceback or stderr text, possibly with ANSI colours
 * @returns the text without internal frames
 */
export function publicTrace(text: string): string {
  const out: string[] = [];
  let dropped = 0;
  for (const line of text.split("\n")) {
    if (INTERNAL_FRAME.test(line.replace(ANSI, ""))) {
      dropped += 1;
      continue;
    }
    out.push(line);
  }
  if (dropped === 0) return text;
  const note = `    at … (${dropped} frame${dropped === 1 ? "" : "s"} of the kernel and Node.js left out)`;
  const last = out.length > 0 && out[out.length - 1] === "" ? out.length - 1 : out.length;
  out.splice(last, 0, note);
  return out.join("\n");
}
