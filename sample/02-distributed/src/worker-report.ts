/** What a worker tells the launcher over IPC. */
export type WorkerReport =
  | { type: 'ready'; worker: string }
  | { type: 'handled'; worker: string; handler: string; sequence: number };

/** Sends a report to the launcher while there is one to hear it. */
export function report(message: WorkerReport): void {
  if (process.connected) process.send!(message);
}
