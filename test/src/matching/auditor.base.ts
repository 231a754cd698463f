import { OnEvent } from '../../../lib/index.js';

/** Not a provider itself: its decorated method is inherited by one. */
export abstract class AuditorBase {
  readonly audited: unknown[] = [];

  @OnEvent('order.cancelled')
  audit(payload: unknown) {
    this.audited.push(payload);
    return payload;
  }
}
