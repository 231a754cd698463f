import { Module } from '@nestjs/common';
import { EventBusModule } from '../../../lib/index.js';
import { JobsConsumer } from '../jobs/jobs.consumer.js';
import { InvoicesProducer } from './invoices.producer.js';

/** Imports a bus that is not global, for its own use. */
@Module({
  imports: [EventBusModule.forRoot({ isGlobal: false })],
  providers: [InvoicesProducer, JobsConsumer],
  exports: [InvoicesProducer, JobsConsumer],
})
export class InvoicingModule {}
