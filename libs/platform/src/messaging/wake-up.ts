/**
 * Lets sleeping workers be woken early. A notification that arrives while a worker is busy is not
 * lost: the worker remembers the generation it started its work at and does not sleep if a
 * notification came since.
 */
export class WakeUp {
  private generation = 0;
  private readonly sleepers = new Set<() => void>();

  /** The current generation; pass it to `sleep` after the work it preceded. */
  get now(): number {
    return this.generation;
  }

  notify(): void {
    this.generation++;
    for (const wake of [...this.sleepers]) wake();
  }

  /** Sleeps up to `ms`, or not at all if notified since `since`. */
  sleep(ms: number, since: number): Promise<void> {
    if (this.generation !== since) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
