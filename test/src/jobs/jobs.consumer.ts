import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { deferred } from '../support/deferred.js';
import { JobQueued } from './job-queued.event.js';

/** Holds every job until the test opens the gate; then fails the jobs marked to fail. */
@Injectable()
export class JobsConsumer {
  readonly gate = deferred();

  @OnEvent(JobQueued)
  async run(job: JobQueued): Promise<void> {
    await this.gate.promise;
    if (job.fails) throw new Error(`job ${job.jobId} failed`);
  }
}
