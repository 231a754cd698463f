import { Injectable } from '@nestjs/common';
import { OnEvent, type EventContext } from '../../../lib/index.js';
import { AuditRequested } from './audit-requested.event.js';

/** Declares its context. */
@Injectable()
export class DeclaredContextConsumer {
  readonly contexts: EventContext[] = [];

  @OnEvent(AuditRequested)
  audit(_request: AuditRequested, context: EventContext): void {
    this.contexts.push(context);
  }
}

/** Declares only the event, and reads the context through `arguments`. */
@Injectable()
export class ArgumentsConsumer {
  readonly contexts: unknown[] = [];

  @OnEvent(AuditRequested)
  audit(_request: AuditRequested): void {
    // eslint-disable-next-line prefer-rest-params
    this.contexts.push(arguments[1]);
  }
}

/** Declares only the event, never settles, and has a deadline. */
@Injectable()
export class EventOnlyStuckConsumer {
  calls = 0;

  @OnEvent(AuditRequested, { timeoutMs: 30 })
  audit(_request: AuditRequested): Promise<never> {
    this.calls++;
    return new Promise<never>(() => undefined);
  }
}

/** Declares only the event, and keeps the thread for 30 ms before it returns. */
@Injectable()
export class BusyConsumer {
  startedAt = 0;

  @OnEvent(AuditRequested)
  audit(_request: AuditRequested): void {
    this.startedAt = Date.now();
    while (Date.now() - this.startedAt < 30);
  }
}
