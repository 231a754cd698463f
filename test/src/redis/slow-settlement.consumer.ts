import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { TradeExecuted } from './trade-executed.event.js';

/** Holds every trade until the test opens the gate: what an instance holds is then on record. */
@Injectable()
export class GatedSettlement {
  static gate: Promise<void> = Promise.resolve();
  static started = 0;
  static finished = 0;

  @OnEvent(TradeExecuted, { name: 'settlement' })
  async settle(): Promise<void> {
    GatedSettlement.started++;
    await GatedSettlement.gate;
    GatedSettlement.finished++;
  }
}
