import { Module } from '@nestjs/common';
import { ReportingProducer } from './reporting.producer.js';

/** Injects the bus without importing its module: works only while the bus is global. */
@Module({ providers: [ReportingProducer] })
export class ReportingModule {}
