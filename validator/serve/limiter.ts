/**
 * A small FIFO limiter: at most `concurrency` checks (parse in the reader worker, validate,
 * write the annotated copy) run at once; the others wait their turn. A bounded queue turns an
 * overload into a clear "busy" answer instead of unbounded memory.
 */

export class BusyError extends Error {
  constructor() {
    super('the check queue is full');
    this.name = 'BusyError';
  }
}

export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxQueue: number = Number.POSITIVE_INFINITY,
  ) {
    if (!(concurrency >= 1)) throw new RangeError('concurrency must be at least 1');
  }

  /** Runs `task` when a slot is free. @throws BusyError (synchronously rejected) when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw new BusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next task, so `active` never exceeds the limit.
      if (next) next();
      else this.active--;
    }
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }
}
