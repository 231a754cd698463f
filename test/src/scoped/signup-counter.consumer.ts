import { Injectable, Scope } from '@nestjs/common';
import { OnEvent } from '../../../lib/index.js';
import { HandledLog } from './handled.log.js';
import { UserSignedUp } from './user-signed-up.event.js';

/** Transient with no request-scoped dependency: its dependency tree is static, yet each event gets its own. */
@Injectable({ scope: Scope.TRANSIENT })
export class SignupCounterConsumer {
  count = 0;

  constructor(private readonly log: HandledLog) {}

  @OnEvent(UserSignedUp)
  increment(event: UserSignedUp): void {
    this.count++;
    this.log.entries.push({ consumer: 'transient, static tree', instance: this, event, request: undefined });
  }
}
