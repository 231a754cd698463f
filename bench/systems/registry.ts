import type { SystemFactory } from './system.interface.js';

/** Every system, in the order runs interleave them; the names are the ones results carry. */
export const SYSTEM_NAMES = [
  'nestjs-async-event-bus',
  '@nestjs/event-emitter',
  '@nestjs/event-emitter:async',
  '@nestjs/cqrs',
  'eventemitter2',
  'emittery',
  'p-queue',
  'sequential-await',
] as const;

export type SystemName = (typeof SYSTEM_NAMES)[number];

export const THIS_PACKAGE: SystemName = 'nestjs-async-event-bus';

export function isSystemName(name: string): name is SystemName {
  return (SYSTEM_NAMES as readonly string[]).includes(name);
}

/**
 * Loads one system's adapter. Each child imports only its own system, so no system's modules
 * (Nest, rxjs, a peer library) count against another's memory.
 */
export async function loadSystem(name: SystemName): Promise<SystemFactory> {
  switch (name) {
    case 'nestjs-async-event-bus':
      return (await import('./nestjs-async-event-bus.js')).createAsyncEventBus;
    case '@nestjs/event-emitter':
      return (await import('./nestjs-event-emitter.js')).createNestEventEmitter;
    case '@nestjs/event-emitter:async':
      return (await import('./nestjs-event-emitter.js')).createNestEventEmitterAsync;
    case '@nestjs/cqrs':
      return (await import('./nestjs-cqrs.js')).createNestCqrs;
    case 'eventemitter2':
      return (await import('./eventemitter2.js')).createEventEmitter2;
    case 'emittery':
      return (await import('./emittery.js')).createEmittery;
    case 'p-queue':
      return (await import('./p-queue.js')).createPQueue;
    case 'sequential-await':
      return (await import('./sequential-await.js')).createSequentialAwait;
  }
}
