/**
 * Work a request starts but does not wait for (so that its answer takes the same time whatever the
 * work finds). Failures are reported, never thrown at nobody; `idle` lets shutdown and tests wait.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (err: unknown, name: string) => void) {}

  run(name: string, task: () => Promise<void>): void {
    // Started after the current I/O turn, so the answer is written before the work begins.
    const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(task)
      .catch((err) => this.onError(err, name))
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
