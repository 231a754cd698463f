import { Injectable } from '@nestjs/common';
import { EventBus } from '../../../lib/index.js';

@Injectable()
export class ReportingProducer {
  constructor(readonly bus: EventBus) {}
}
