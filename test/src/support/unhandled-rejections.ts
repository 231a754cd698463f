import vm from 'node:vm';

/**
 * Records every `unhandledRejection` of the process until `stop()`.
 *
 * Jest hands each test file a copy of `process` whose events are its own: a listener added with
 * `process.on` there never hears the real `unhandledRejection`. The real process is the global of
 * the main context, which `vm.runInThisContext` evaluates in.
 */
export function recordUnhandledRejections(): { readonly reasons: unknown[]; stop(): void } {
  const realProcess = vm.runInThisContext('process') as NodeJS.Process;
  const reasons: unknown[] = [];
  const listener = (reason: unknown): void => {
    reasons.push(reason);
  };
  realProcess.on('unhandledRejection', listener);
  return { reasons, stop: () => realProcess.off('unhandledRejection', listener) };
}
