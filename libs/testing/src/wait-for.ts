/** Polls until `check` returns a truthy value, or fails with the last value seen. */
export async function waitFor<T>(check: () => Promise<T> | T, opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
  // Errors from another realm (fetch's, inside Jest's sandbox) are not `instanceof Error` here.
  const seen = typeof (last as Error | undefined)?.message === 'string' ? (last as Error).message : JSON.stringify(last);
  throw new Error(`Timed out waiting for ${opts.what ?? 'condition'}; last: ${seen}`);
}
