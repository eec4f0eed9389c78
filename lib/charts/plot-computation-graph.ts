import { checkOptions } from "../check";
import { computationGraph } from "../autodiff/graph";
import { Value } from "../autodiff/value";
import { axis, baseLayout, chartColor } from "./theme";
import type { Figure, Trace } from "./types";

/** Options of {@link plotComputationGraph}. */
export interface PlotComputationGraphOptions {
  /** Chart title; default "Computation graph". */
  title?: string;
}

/** Most nodes a drawn graph may have: beyond this a drawing is unreadable (use computationGraph as a table). */
export const MAX_DRAWN_NODES = 60;

/**
 * The computation graph of a value as a chart: one marker per node, labelled with its name
 * (an input's label, a constant, or the operation's symbol), its value and its gradient,
 * and a line from each input to the node that uses it. Nodes are placed left to right by
 * depth (inputs and constants at 0, each operation one column right of its deepest input),
 * spread evenly from top to bottom within a column in the order they were made. Inputs,
 * constants and operations have their own colours; the root is the rightmost node.
 *
 * @param root the final value, usually after its backward() (gradients are 0 before)
 * @param opts title
 * @returns a figure: a "lines" trace of the edges, then one "markers+text" trace per kind
 *   of node (inputs, constants, operations) whose text reads "<b>name</b><br>value<br>grad g"
 *   with 3 significant digits
 * @throws TypeError when root is not a Value; RangeError when the graph has more than 60 nodes
 */
export function plotComputationGraph(root: Value, opts: PlotComputationGraphOptions = {}): Figure {
  const fn = "plotComputationGraph";
  checkOptions(fn, "opts", opts, { title: { kind: "string", optional: true } });
  if (!(root instanceof Value)) throw new TypeError(`${fn}: root must be a Value, got ${typeof root}`);
  const nodes = computationGraph(root);
  if (nodes.length > MAX_DRAWN_NODES) {
    throw new RangeError(
      `${fn}: the graph has ${nodes.length} nodes, more than ${MAX_DRAWN_NODES} can be drawn readably; draw a smaller expression`,
    );
  }
  // operations by depth; an input or constant one column left of its first user, so the
  // leaves spread out instead of crowding column 0
  const column = nodes.map((n) => n.depth);
  for (const node of nodes) {
    for (const input of node.inputs)
      if (nodes[input].inputs.length === 0) column[input] = Math.max(column[input], node.depth - 1);
  }
  const columns = new Map<number, number[]>();
  for (const node of nodes) columns.set(column[node.index], [...(columns.get(column[node.index]) ?? []), node.index]);
  const position = new Map<number, [number, number]>();
  for (const [depth, members] of columns) {
    members.forEach((index, k) =>
      position.set(index, [depth, members.length === 1 ? 0 : 1 - (2 * k) / (members.length - 1)]),
    );
  }
  const edges: Trace = {
    type: "scatter",
    mode: "lines",
    name: "edges",
    x: [],
    y: [],
    line: { color: "#999999", width: 1.5 },
    showlegend: false,
    hoverinfo: "skip",
  };
  for (const node of nodes) {
    for (const input of node.inputs) {
      const [a, b] = [position.get(input)!, position.get(node.index)!];
      edges.x.push(a[0], b[0], null);
      edges.y.push(a[1], b[1], null);
    }
  }
  const fmt = (v: number) => Number(v.toPrecision(3)).toString();
  const groups: [string, (kind: string) => boolean, number][] = [
    ["inputs", (k) => k === "input", 0],
    ["constants", (k) => k === "constant", 6],
    ["operations", (k) => k !== "input" && k !== "constant", 1],
  ];
  const markers = groups.map(([name, member, colour]): Trace => {
    const members = nodes.filter((n) => member(n.kind));
    return {
      type: "scatter",
      mode: "markers+text",
      name,
      x: members.map((n) => position.get(n.index)![0]),
      y: members.map((n) => position.get(n.index)![1]),
      text: members.map((n) => `<b>${n.name}</b><br>${fmt(n.data)}<br>grad ${fmt(n.grad)}`),
      textposition: "bottom center",
      line: { color: chartColor(colour), width: 0 },
      marker: { color: chartColor(colour), size: 14 },
      hoverinfo: "text",
    };
  });
  const depth = Math.max(...column);
  const layout = baseLayout(opts.title ?? "Computation graph", "", "");
  layout.xaxis = axis("", {
    range: [-0.5, depth + 0.5],
    showgrid: false,
    zeroline: false,
    showticklabels: false,
    showline: false,
    ticks: "",
  });
  layout.yaxis = axis("", {
    range: [-1.7, 1.3],
    showgrid: false,
    zeroline: false,
    showticklabels: false,
    showline: false,
    ticks: "",
  });
  layout.height = 460;
  return { data: [edges, ...markers], layout };
}
