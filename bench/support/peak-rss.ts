const MB = 1024 * 1024;

/**
 * The peak resident set size of this process: sampled every 10 ms, and the kernel's own
 * high-water mark (`maxRSS`), which also catches a peak reached inside a synchronous loop
 * that starves the sampling timer.
 */
export class PeakRss {
  private peak = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(intervalMs = 10) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Stops sampling; returns the peak in MB. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return Math.max(this.peak, process.resourceUsage().maxRSS * 1024) / MB;
  }

  private sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }
}
