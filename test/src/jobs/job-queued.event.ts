export class JobQueued {
  constructor(
    readonly jobId: number,
    readonly fails = false,
  ) {}
}
