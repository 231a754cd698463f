import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { OnEvent } from '../../../lib/index.js';
import { HandledLog } from './handled.log.js';
import { UserSignedUp } from './user-signed-up.event.js';

@Injectable({ scope: Scope.REQUEST })
export class WelcomeMailConsumer {
  constructor(
    @Inject(REQUEST) private readonly request: unknown,
    private readonly log: HandledLog,
  ) {}

  @OnEvent(UserSignedUp)
  send(event: UserSignedUp): void {
    this.log.entries.push({ consumer: 'request', instance: this, event, request: this.request });
  }
}
