import { Injectable } from '@nestjs/common';

/** A singleton the scoped consumers report to: which instance saw which event, and what REQUEST was. */
@Injectable()
export class HandledLog {
  readonly entries: Array<{ consumer: string; instance: object; event: unknown; request: unknown }> = [];

  of(consumer: string): HandledLog['entries'] {
    return this.entries.filter((entry) => entry.consumer === consumer);
  }
}
