/** How one task of {@link runPool} ended: its value, its error, or not started because an earlier task failed. */
export type PoolResult<R> =
  | { status: "fulfilled"; value: R }
  | { status: "rejected"; reason: unknown }
  | { status: "skipped" };

/**
 * Runs async tasks with at most `limit` at a time, starting them in input order.
 * After a failure no new task starts (the running ones finish), unless `keepGoing`.
 *
 * @param items the inputs
 * @param limit maximum number of tasks running at once, an integer ≥ 1
 * @param task the work for one item (receives the item and its index)
 * @param keepGoing true: start every task whatever failed before (`stepwise build --keep-going`)
 * @returns one result per item, in input order (none "skipped" with keepGoing)
 * @throws RangeError when limit is not an integer ≥ 1
 */
export async function runPool<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  keepGoing = false,
): Promise<PoolResult<R>[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`runPool: limit must be an integer >= 1, got ${limit}`);
  const results: PoolResult<R>[] = items.map(() => ({ status: "skipped" }));
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = { status: "fulfilled", value: await task(items[i], i) };
      } catch (reason) {
        results[i] = { status: "rejected", reason };
        failed = !keepGoing;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
