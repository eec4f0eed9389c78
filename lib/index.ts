/**
 * stepwise: derive the sigmoid and cross-entropy derivatives one step at a time,
 * verify every step by machine, and show the result in tslab notebooks.
 */
export * from "./derive";
