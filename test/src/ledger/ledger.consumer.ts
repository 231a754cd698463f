import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { InFlightCounter } from '../support/in-flight.counter.js';
import { DepositMade } from './deposit-made.event.js';

/** Books deposits per account: one at a time and in order within an account. */
@Injectable()
export class LedgerConsumer {
  readonly booked = new Map<string, number[]>();
  readonly inFlightByAccount = new Map<string, InFlightCounter>();
  readonly all = new InFlightCounter();

  @OnEvent(DepositMade, { key: (deposit) => deposit.account })
  async book(deposit: DepositMade): Promise<void> {
    const counter = this.inFlightByAccount.get(deposit.account) ?? new InFlightCounter();
    this.inFlightByAccount.set(deposit.account, counter);
    counter.enter();
    this.all.enter();
    await new Promise((resolve) => setTimeout(resolve, (deposit.seq * 7) % 4));
    const booked = this.booked.get(deposit.account) ?? [];
    booked.push(deposit.seq);
    this.booked.set(deposit.account, booked);
    this.all.leave();
    counter.leave();
  }
}
