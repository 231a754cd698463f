import { Injectable } from '@nestjs/common';
import { OnEvent, type EventContext } from '../../../lib/index.js';
import { ExportRequested } from './export-requested.event.js';

@Injectable()
export class ExportsConsumer {
  readonly started: string[] = [];
  readonly finished: string[] = [];
  readonly aborted: Array<{ exportId: string; reason: unknown }> = [];

  @OnEvent(ExportRequested)
  async export(event: ExportRequested, { signal }: EventContext): Promise<void> {
    this.started.push(event.exportId);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, event.takesMs);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        this.aborted.push({ exportId: event.exportId, reason: signal.reason });
        reject(signal.reason);
      });
    });
    this.finished.push(event.exportId);
  }
}
