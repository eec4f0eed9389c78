/**
 * max, min and abs before differentiation: on a domain where the same argument of max/min
 * is the largest (smallest) everywhere, or the argument of abs keeps its sign, the function
 * is that argument (or its negative) and is differentiated as such; where they meet inside
 * the domain the function has a kink there and no derivative, and that is refused by name.
 */
import type { MathNode } from "mathjs";
import { shapeOf } from "./node-shape";
import { log10Abs, type Ball } from "./ball";
import { evaluator, PRECISION_LEVELS } from "./evaluate";
import { math, shortened } from "./expression";

const PIECEWISE = new Set(["max", "min", "abs"]);

interface Call {
  isFunctionNode?: boolean;
  fn: { name?: string };
  args: MathNode[];
}

/**
 * Replaces each max(…), min(…) and abs(…) that depends on `wrt` by the piece it equals on the
 * whole domain, decided at the sample points (the sign of each difference settled by its
 * error bound, with more digits where 60 do not settle it), innermost first.
 *
 * @param node   an expression with its definitions expanded
 * @param wrt    the differentiation variable
 * @param points the derivation's sample points (variable → decimal string)
 * @param where  what is differentiated, for errors
 * @returns the expression without max/min/abs in `wrt` (the same node when it has none)
 * @throws RangeError naming the call, the pieces and two points where different pieces hold,
 *         or the point where they meet: the function is not differentiable on that domain
 */
export function resolvePieces(
  node: MathNode,
  wrt: string,
  points: readonly Record<string, string>[],
  where: string,
): MathNode {
  const resolve = (n: MathNode): MathNode => {
    const call = n as unknown as Call;
    if (call.isFunctionNode && PIECEWISE.has(call.fn.name ?? "") && dependsOn(n, wrt)) {
      const args = call.args.map(resolve);
      const name = call.fn.name!;
      const text = shortened(n.toString());
      if (name === "abs") {
        if (args.length !== 1) return n;
        const sign = samePieceEverywhere(
          [args[0], math.parse(`-(${args[0].toString()})`)],
          "max",
          points,
          where,
          text,
          wrt,
        );
        return math.parse(sign === 0 ? `(${args[0].toString()})` : `(-(${args[0].toString()}))`);
      }
      const k = samePieceEverywhere(args, name as "max" | "min", points, where, text, wrt);
      return math.parse(`(${args[k].toString()})`);
    }
    return n.map((child) => resolve(child));
  };
  return resolve(node);
}

function dependsOn(node: MathNode, wrt: string): boolean {
  let found = false;
  node.traverse((n, path) => {
    if (path !== "fn" && shapeOf(n).isSymbolNode && shapeOf(n).name === wrt) found = true;
  });
  return found;
}

/** The index of the argument that is the largest (max) or smallest (min) at every point; throws where that changes or two tie. */
function samePieceEverywhere(
  args: MathNode[],
  which: "max" | "min",
  points: readonly Record<string, string>[],
  where: string,
  call: string,
  wrt: string,
): number {
  const pieces = args.map((a) => evaluator(a.toString(), points));
  const pieceText = (k: number) =>
    call.startsWith("abs") ? (k === 0 ? "positive" : "negative") : `“${shortened(args[k].toString())}”`;
  let first: { k: number; i: number } | undefined;
  for (let i = 0; i < points.length; i++) {
    const k = winner(
      pieces.map((p) => (digits: number) => p.ball(i, digits)),
      which,
    );
    const at = Object.entries(points[i])
      .map(([n, v]) => `${n} = ${v}`)
      .join(", ");
    if (k === "tie") {
      throw new RangeError(
        `${where}: cannot differentiate ${call}: ${call.startsWith("abs") ? "its argument is 0" : "two of its arguments are equal"} at ${at}, ` +
          `a point of the declared domain where it is not differentiable with respect to ${wrt}; narrow the domain to one side of that point`,
      );
    }
    if (k === "undefined") continue; // not a real number there: the comparison of the step says so
    if (first === undefined) first = { k, i };
    else if (first.k !== k) {
      const a = Object.entries(points[first.i])
        .map(([n, v]) => `${n} = ${v}`)
        .join(", ");
      const what = call.startsWith("abs")
        ? "its argument is"
        : `its ${which === "max" ? "largest" : "smallest"} argument is`;
      throw new RangeError(
        `${where}: cannot differentiate ${call} across the declared domain (the kit differentiates max, min and abs one piece at a time): ${what} ${pieceText(first.k)} at ${a} ` +
          `but ${pieceText(k)} at ${at}, so the pieces meet between; split the domain there and derive each piece on its own`,
      );
    }
  }
  return first?.k ?? 0;
}

/** Which argument wins at one point, with as many digits as settle it; "tie" when two are equal, "undefined" when one is not real. */
function winner(values: ((digits: number) => Ball | string)[], which: "max" | "min"): number | "tie" | "undefined" {
  for (const digits of PRECISION_LEVELS) {
    const balls = values.map((v) => v(digits));
    if (balls.some((b) => typeof b === "string")) continue;
    const bs = balls as Ball[];
    let best = 0;
    for (let k = 1; k < bs.length; k++) if (which === "max" ? bs[k].v.gt(bs[best].v) : bs[k].v.lt(bs[best].v)) best = k;
    let settled = true;
    for (let k = 0; k < bs.length; k++) {
      if (k === best) continue;
      const gap = log10Abs(bs[best].v.minus(bs[k].v));
      if (gap === -Infinity && bs[best].r === -Infinity && bs[k].r === -Infinity) return "tie";
      if (!(gap > Math.max(bs[best].r, bs[k].r) + Math.log10(2))) settled = false;
    }
    if (settled) return best;
  }
  const last = values.map((v) => v(PRECISION_LEVELS[PRECISION_LEVELS.length - 1]));
  return last.some((b) => typeof b === "string") ? "undefined" : "tie";
}
