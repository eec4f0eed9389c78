/**
 * explain()'s time against nesting depth, for `npm run bench:explain` (scripts/bench-explain.ts
 * prints it after the corpus): sin, exp, σ, log∘cosh and a product x·sin(…) nested 4 … 24 deep,
 * each generated (explainSteps) and then verified as explain() verifies it, in CPU time of this
 * process. The goal of issue 19: time at most roughly linear-to-quadratic in depth; the table
 * prints, per family, the exponent k of time ∝ depth^k between the first and the last depth
 * that ran. A depth the kit refuses (a step over the verifier's 1000 nodes, definitions nested
 * past their bound) is printed as "refused" with the reason's first words. A depth whose
 * explain + verify took more than DEPTH_BUDGET_MS of CPU ends its family: the deeper ones are
 * printed as "skipped" (log∘cosh at depth 12 took about 74 s, and the table never finished).
 * A cell with a step the verifier did not prove is marked "*" and listed under the table.
 */
import { explainSteps, selfCheck } from "./explain-under-test";

/** The families of nested functions: one level of each around `s`. */
export const DEPTH_FAMILIES: Readonly<Record<string, (s: string) => string>> = {
  sin: (s) => `sin(${s})`,
  exp: (s) => `exp(${s} / 4)`,
  σ: (s) => `sigma(${s})`,
  "log∘cosh": (s) => `log(cosh(${s}))`,
  x·sin: (s) => `x * sin(${s})`,
};

/** The CPU time (ms) of explain + verify at one depth past which a family's deeper depths are skipped. */
export const DEPTH_BUDGET_MS = 30_000;

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
  /** The steps (parts and main derivation) the verifier did not prove, by tier, e.g. "2 sampled, 1 undecided". */
  unproved?: string;
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
    let overBudget: number | undefined;
    const cells: Cell[] = DEPTHS.map((depth) => {
      if (overBudget !== undefined)
        return { refused: `skipped: depth ${overBudget} took over ${DEPTH_BUDGET_MS / 1000} s` };
      const t0 = process.cpuUsage();
      try {
        const d = explainSteps(nested(level, depth), { wrt: "x", domain: { x: "(-1, 1)" } });
        const gen = cpuMs(t0);
        const tiers = [...d.parts, d].flatMap((p) =>
          selfCheck(p)
            .steps.slice(1)
            .map((r): string => (r.ok ? (r.tier ?? "accepted") : r.tier === "undecided" ? "undecided" : "rejected")),
        );
        const total = cpuMs(t0);
        if (total > DEPTH_BUDGET_MS) overBudget = depth;
        const counts = new Map<string, number>();
        for (const t of tiers) if (t !== "proved") counts.set(t, (counts.get(t) ?? 0) + 1);
        const unproved = [...counts].map(([t, n]) => `${n} ${t}`).join(", ");
        return { gen, total, unproved: unproved || undefined };
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
        .map((c) =>
          (c.gen === undefined
            ? c.refused?.startsWith("skipped")
              ? "skipped"
              : "refused"
            : `${c.gen.toFixed(0)}/${c.total!.toFixed(0)}${c.unproved ? "*" : ""}`
          ).padStart(14),
        )
        .join(" ")}   ${exponent((c) => c.gen!)}, ${exponent((c) => c.total!)}`,
    );
    for (const [i, c] of cells.entries()) {
      if (c.refused?.startsWith("skipped")) console.log(`   depth ${DEPTHS[i]} ${c.refused}`);
      else if (c.refused) console.log(`   depth ${DEPTHS[i]} refused: ${c.refused}…`);
      if (c.unproved) console.log(`   depth ${DEPTHS[i]}*: steps not proved: ${c.unproved}`);
    }
  }
}
