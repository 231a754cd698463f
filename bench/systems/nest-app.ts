import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { BenchEvent, Handler } from '../support/bench-event.js';

/** A provider class whose `handle` method calls one handler body. */
export type HandlerClass = Type<{ handle(event: BenchEvent): Promise<void> }>;

/**
 * One provider class per handler body, `BenchHandler1`, `BenchHandler2`, ..., each decorated
 * the way a system's docs show. The count varies by scenario, hence classes made here rather
 * than written out; `decorate` applies the very decorators a hand-written class would carry.
 */
export function handlerClasses(
  handlers: readonly Handler[],
  decorate: (target: HandlerClass, descriptor: PropertyDescriptor) => void,
): HandlerClass[] {
  return handlers.map((handler, index) => {
    const HandlerClass = class {
      handle(event: BenchEvent): Promise<void> {
        return handler(event);
      }
    };
    Object.defineProperty(HandlerClass, 'name', { value: `BenchHandler${index + 1}` });
    decorate(HandlerClass, Object.getOwnPropertyDescriptor(HandlerClass.prototype, 'handle')!);
    return HandlerClass;
  });
}

@Module({})
class BenchAppModule {}

/** A real Nest application context with the system's module and the handler providers. */
export function createNestApp(imports: DynamicModule[], providers: Type[]): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    { module: BenchAppModule, imports, providers },
    { logger: ['error', 'warn'], abortOnError: false },
  );
}
