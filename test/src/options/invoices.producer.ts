import { Injectable } from '@nestjs/common';
import { EventBus } from '../../../lib/index.js';
import { JobQueued } from '../jobs/job-queued.event.js';

/** Needs the bus injected: fine where the bus module is imported, or where it is global. */
@Injectable()
export class InvoicesProducer {
  constructor(readonly bus: EventBus) {}

  queue(jobId: number): Promise<void> {
    return this.bus.publish(new JobQueued(jobId));
  }
}
