/** The event every scenario publishes: its place in the run and its ordering key. */
export class BenchEvent {
  constructor(
    readonly seq: number,
    readonly key: number,
  ) {}
}

/** The name under which systems with named events carry a `BenchEvent`. */
export const BENCH_EVENT_NAME = 'bench.event';

/** One handler body, the same function whichever system calls it. */
export type Handler = (event: BenchEvent) => Promise<void>;
