/**
 * Import loops between the folders of lib/: each top-level folder (lib/derive, lib/site,
 * …) and each top-level file (lib/index.ts, lib/engine.ts) is a node; a relative import
 * from a file in one node to a file in another is an edge. Loops inside a folder are
 * allowed; a loop between folders is reported with the files that make each edge.
 *
 * The imports are read by TypeScript's own pre-processor (ts.preProcessFile: import,
 * export … from, import(), require), not by a regular expression.
 *
 *   npx tsx scripts/import-cycles.ts [LIB_DIR]   prints the loops; exit code 1 when there is one
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** One folder-to-folder edge and the first file import that makes it. */
export interface FolderEdge {
  from: string;
  to: string;
  /** e.g. "lib/functions/sigmoid.ts imports ../check" */
  example: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(full);
    return SOURCE.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The node of a path under libDir: its first segment, without the extension when it is a file. */
function nodeOf(libDir: string, file: string): string | null {
  const rel = path.relative(libDir, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const [first, ...rest] = rel.split(path.sep);
  return rest.length > 0 ? first : first.replace(SOURCE, "");
}

/**
 * The folder graph of a source tree.
 * @param libDir the tree, e.g. "/work/main/lib"
 * @returns every edge between two different nodes, one per (from, to) pair
 * @throws Error from the file system when libDir cannot be read
 */
export function folderEdges(libDir: string): FolderEdge[] {
  const edges = new Map<string, FolderEdge>();
  for (const file of sourceFiles(libDir).sort()) {
    const from = nodeOf(libDir, file);
    if (from === null) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName: spec } of importedFiles) {
      if (!spec.startsWith(".")) continue;
      const to = nodeOf(libDir, path.resolve(path.dirname(file), spec));
      if (to === null || to === from || to === "") continue;
      const key = `${from}\u0000${to}`;
      if (!edges.has(key)) {
        edges.set(key, { from, to, example: `${path.relative(path.dirname(libDir), file)} imports ${spec}` });
      }
    }
  }
  return [...edges.values()];
}

/**
 * The import loops between folders: the strongly connected components of more than one
 * node (Tarjan's algorithm), each with the edges inside it.
 * @param edges from {@link folderEdges}
 * @returns one entry per loop, its nodes sorted; [] when the folders form a DAG
 */
export function folderCycles(edges: readonly FolderEdge[]): { nodes: string[]; edges: FolderEdge[] }[] {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return components.map((c) => ({
    nodes: c,
    edges: edges.filter((e) => c.includes(e.from) && c.includes(e.to)),
  }));
}

/**
 * The loops as text, one paragraph per loop naming its folders and, per edge, a file import.
 * @returns "" when there is no loop
 */
export function describeCycles(cycles: ReturnType<typeof folderCycles>): string {
  return cycles
    .map(
      (c) =>
        `import loop between ${c.nodes.join(", ")}:\n${c.edges.map((e) => `  ${e.from} → ${e.to}: ${e.example}`).join("\n")}`,
    )
    .join("\n\n");
}

if (require.main === module) {
  const libDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "lib"));
  const text = describeCycles(folderCycles(folderEdges(libDir)));
  console.log(text || `no import loop between the folders of ${libDir}`);
  process.exitCode = text ? 1 : 0;
}
