/**
 * Writes run in the background one after another, in the order started,
 * while the caller goes on computing the next ones. The first failure stops
 * the writes after it (as an awaited write would have stopped the caller)
 * and is thrown by {@link SerialWrites.settled}; it is never an unhandled
 * rejection.
 */
export class SerialWrites {
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  /** Queues a write after the ones already started. */
  start(write: () => Promise<void>): void {
    this.tail = this.tail.then(async () => {
      if (this.failure) {
        return;
      }
      try {
        await write();
      } catch (error) {
        this.failure = { error };
      }
    });
  }

  /** Waits for every started write; throws the first failure, if any. */
  async settled(): Promise<void> {
    await this.tail;
    if (this.failure) {
      throw this.failure.error;
    }
  }

  /** Waits for every started write, failed or not (before giving up a run). */
  async idle(): Promise<void> {
    await this.tail;
  }
}
