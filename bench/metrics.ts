import type { MetricName } from './scenarios/scenario.interface.js';

interface MetricInfo {
  readonly better: 'higher' | 'lower';
  /** Decimals kept in the JSON. */
  readonly decimals: number;
  /** How the table shows a value. */
  format(value: number): string;
}

export const METRICS: Readonly<Record<MetricName, MetricInfo>> = {
  handler_calls_per_s: { better: 'higher', decimals: 0, format: (value) => `${(value / 1e6).toFixed(2)} M` },
  ms_per_event: { better: 'lower', decimals: 3, format: (value) => value.toFixed(2) },
  total_s: { better: 'lower', decimals: 3, format: (value) => value.toFixed(2) },
  peak_rss_mb: { better: 'lower', decimals: 1, format: (value) => value.toFixed(0) },
};

/** How many times better `ours` is than `theirs` for this metric: above 1 means better. */
export function advantage(metric: MetricName, ours: number, theirs: number): number {
  return METRICS[metric].better === 'higher' ? ours / theirs : theirs / ours;
}

export function round(metric: MetricName, value: number): number {
  const scale = 10 ** METRICS[metric].decimals;
  return Math.round(value * scale) / scale;
}
