import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { OnEvent } from '../../../lib/index.js';
import { HandledLog } from './handled.log.js';

@Injectable({ scope: Scope.TRANSIENT })
export class SignupAuditConsumer {
  constructor(
    @Inject(REQUEST) private readonly request: unknown,
    private readonly log: HandledLog,
  ) {}

  @OnEvent('user.*')
  record(payload: unknown): void {
    this.log.entries.push({ consumer: 'transient', instance: this, event: payload, request: this.request });
  }
}
