/**
 * explain()'s time against nesting depth, for `npm run bench:explain` (scripts/bench-explain.ts
 * prints it after the corpus): sin, exp, σ, log∘cosh and a product x·sin(…) nested 4 … 24 deep,
 * each generated (explainSteps) and then verified as explain() verifies it, in CPU time of this
 * process. The goal of issue 19: time at most roughly linear-to-quadratic in depth; the table
 * prints, per family, the exponent k of time ∝ depth^k between the first and the last depth
 * that ran. A depth the kit refuses (a step over the verifier's 1000 nodes, definitions nested
 * past their bound) is printed as "refused" with the reason's first words.
 */
import { explainSteps, selfCheck } from "../lib/derive/explain/explain";

/** The families of nested functions: one level of each around `s`. */
export const DEPTH_FAMILIES: Readonly<Record<string, (s: string) => string>> = {
  sin: (s) => `sin(${s})`,
  exp: (s) => `exp(${s} / 4)`,
  σ: (s) => `sigma(${s})`,
  "log∘cosh": (s) => `log(cosh(${s}))`,
  x·sin: (s) => `x * sin(${s})`,
};

/** The depths measured. */
export const DEPTHS = [4, 8, 12, 16, 20, 24] as const;

/** `level` applied `depth` times to x. */
export function nested(level: (s: string) => string, depth: number): string {
  let s = "x";
  for (let i = 0; i < depth; i++) s = level(s);
  return s;
}

const cpuMs = (t0: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
};

/** One cell of the table: generation and verification CPU ms, or why the kit refused the function. */
interface Cell {
  gen?: number;
  total?: number;
  refused?: string;
}

/**
 * Measures every family at every depth and prints the table.
 * @param only when given, only the families whose name contains it
 */
export function benchExplainDepth(only?: string): void {
  const families = Object.entries(DEPTH_FAMILIES).filter(([name]) => !only || name.includes(only));
  if (!families.length) return;
  console.log("\nexplain() time against nesting depth (CPU ms: explain alone / explain + verify; x in (−1, 1))");
  console.log(
    `${"family".padEnd(10)} ${DEPTHS.map((d) => String(d).padStart(14)).join(" ")}   exponent k (alone, +verify)`,
  );
  for (const [name, level] of families) {
    const cells: Cell[] = DEPTHS.map((depth) => {
      const t0 = process.cpuUsage();
      try {
        const d = explainSteps(nested(level, depth), { wrt: "x", domain: { x: "(-1, 1)" } });
        const gen = cpuMs(t0);
        for (const p of [...d.parts, d]) selfCheck(p);
        return { gen, total: cpuMs(t0) };
      } catch (err) {
        return { refused: (err as Error).message.split(": ").slice(-1)[0].slice(0, 60) };
      }
    });
    const ran = DEPTHS.map((d, i) => ({ d, c: cells[i] })).filter(({ c }) => c.gen !== undefined);
    const exponent = (pick: (c: Cell) => number): string => {
      if (ran.length < 2) return "—";
      const a = ran[0];
      const b = ran[ran.length - 1];
      return (Math.log(pick(b.c) / pick(a.c)) / Math.log(b.d / a.d)).toFixed(2);
    };
    console.log(
      `${name.padEnd(10)} ${cells
        .map((c) => (c.gen === undefined ? "refused" : `${c.gen.toFixed(0)}/${c.total!.toFixed(0)}`).padStart(14))
        .join(" ")}   ${exponent((c) => c.gen!)}, ${exponent((c) => c.total!)}`,
    );
    for (const [i, c] of cells.entries()) if (c.refused) console.log(`   depth ${DEPTHS[i]} refused: ${c.refused}…`);
  }
}
