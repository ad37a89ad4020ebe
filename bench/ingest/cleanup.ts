/** Cleanups run in reverse order at the end, on error, and on SIGINT/SIGTERM. */
export class Cleanup {
  private readonly fns: { label: string; fn: () => Promise<void> | void }[] = [];
  add(label: string, fn: () => Promise<void> | void): void {
    this.fns.push({ label, fn });
  }
  async runAll(): Promise<void> {
    while (this.fns.length) {
      const { label, fn } = this.fns.pop()!;
      try {
        await fn();
      } catch (err) {
        process.stderr.write(`cleanup "${label}" failed: ${(err as Error).message}\n`);
      }
    }
  }
}
