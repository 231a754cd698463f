import { Injectable } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { InFlightCounter } from '../support/in-flight.counter.js';
import { sleep } from '../support/wait-for.js';
import { ReportRequested } from './report-requested.event.js';

/** Ten handlers of one event, each of which takes 100 ms. */
@Injectable()
export class ReportsConsumer {
  readonly inFlight = new InFlightCounter();

  private async render(): Promise<void> {
    this.inFlight.enter();
    await sleep(100);
    this.inFlight.leave();
  }

  @OnEvent(ReportRequested) pdf() { return this.render(); }
  @OnEvent(ReportRequested) csv() { return this.render(); }
  @OnEvent(ReportRequested) html() { return this.render(); }
  @OnEvent(ReportRequested) email() { return this.render(); }
  @OnEvent(ReportRequested) archive() { return this.render(); }
  @OnEvent(ReportRequested) thumbnail() { return this.render(); }
  @OnEvent(ReportRequested) audit() { return this.render(); }
  @OnEvent(ReportRequested) index() { return this.render(); }
  @OnEvent(ReportRequested) notify() { return this.render(); }
  @OnEvent(ReportRequested) metrics() { return this.render(); }
}
