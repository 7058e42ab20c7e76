import type { JobHandler, Jobs } from './jobs.ts';

/** Jobs for the single-process SQLite deployment: timers and a serial queue per name. */
export class InProcessJobs implements Jobs {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  private readonly onError: (name: string, error: unknown) => void;

  constructor(onError: (name: string, error: unknown) => void = () => {}) {
    this.onError = onError;
  }

  async handle(name: string, handler: JobHandler): Promise<void> {
    this.handlers.set(name, handler);
  }

  async every(name: string, minutes: number): Promise<void> {
    const timer = setInterval(() => void this.send(name), minutes * 60_000);
    timer.unref();
    this.timers.push(timer);
  }

  /** Runs after the job of the same name already running, never two at once. */
  send(name: string, data: Record<string, unknown> = {}): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler || this.stopped) return Promise.resolve();
    const previous = this.running.get(name) ?? Promise.resolve();
    const next = previous
      .then(() => handler(data))
      .catch((error: unknown) => this.onError(name, error));
    this.running.set(name, next);
    return next;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach((t) => clearInterval(t));
    await Promise.all(this.running.values());
  }
}
