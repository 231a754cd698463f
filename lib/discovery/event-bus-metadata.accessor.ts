import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ON_EVENT_METADATA } from '../event-bus.constants.js';
import type { OnEventMetadata } from '../interfaces/event-key.interface.js';

/** The one place that reads the package's metadata. */
@Injectable()
export class EventBusMetadataAccessor {
  constructor(private readonly reflector: Reflector) {}

  /** The `@OnEvent` subscriptions of a method, in decorator order, or `undefined`. */
  getSubscriptions(method: unknown): OnEventMetadata[] | undefined {
    if (typeof method !== 'function') return undefined;
    return this.reflector.get<OnEventMetadata[] | undefined>(ON_EVENT_METADATA, method);
  }
}
