import 'reflect-metadata';
import { jest, describe, it, expect, afterEach } from '@jest/globals';
import { Logger, type INestApplication, type Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule, HandlerTimeoutError, type EventBusModuleOptions } from '../lib/index.js';
import { readsContext } from '../lib/runner/reads-context.js';
import { AuditRequested } from './src/context/audit-requested.event.js';
import { ArgumentsConsumer, BusyConsumer, DeclaredContextConsumer, EventOnlyStuckConsumer } from './src/context/context.consumers.js';
import { waitFor } from './src/support/wait-for.js';

describe('the context a handler is handed', () => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
    jest.restoreAllMocks();
  });

  async function start(options: EventBusModuleOptions, providers: Provider[]): Promise<EventBus> {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot(options)], providers }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return app.get(EventBus);
  }

  it('reaches a handler that declares it and one that reads `arguments`, with the publish time, for a publish nobody awaits', async () => {
    const bus = await start({}, [DeclaredContextConsumer, ArgumentsConsumer]);
    const declared = app!.get(DeclaredContextConsumer);
    const viaArguments = app!.get(ArgumentsConsumer);

    const before = Date.now();
    void bus.publish(new AuditRequested('acc-1'));
    const after = Date.now();
    await waitFor(() => declared.contexts.length === 1 && viaArguments.contexts.length === 1, 2_000, 'both handlers called');

    for (const [context, handler] of [
      [declared.contexts[0], 'DeclaredContextConsumer.audit'],
      [viaArguments.contexts[0], 'ArgumentsConsumer.audit'],
    ] as const) {
      expect(context).toMatchObject({ handler, eventName: 'AuditRequested', attempt: 1 });
      const { publishedAt, signal } = context as { publishedAt: number; signal: AbortSignal };
      expect(publishedAt).toBeGreaterThanOrEqual(before);
      expect(publishedAt).toBeLessThanOrEqual(after);
      expect(signal).toBeInstanceOf(AbortSignal);
    }
  });

  it('shows the time of the publish, not of the handler started after a slow one', async () => {
    // The busy handler is registered first, so it runs first and holds the thread for 30 ms.
    const bus = await start({}, [BusyConsumer, DeclaredContextConsumer]);
    const busy = app!.get(BusyConsumer);
    const declared = app!.get(DeclaredContextConsumer);

    const before = Date.now();
    void bus.publish(new AuditRequested('acc-3'));
    await waitFor(() => declared.contexts.length === 1, 2_000, 'the context handler called');

    expect(busy.startedAt).toBeGreaterThanOrEqual(before);
    expect(declared.contexts[0].publishedAt).toBeGreaterThanOrEqual(before);
    expect(declared.contexts[0].publishedAt).toBeLessThanOrEqual(busy.startedAt);
  });

  it('still times out a handler that takes no context, and shutdown still gives up on it', async () => {
    const bus = await start({ shutdownTimeoutMs: 20 }, [EventOnlyStuckConsumer]);

    const result = await bus.publishAndWait(new AuditRequested('acc-2'));

    expect(result.outcomes).toEqual([
      expect.objectContaining({ handler: 'EventOnlyStuckConsumer.audit', status: 'rejected', error: expect.any(HandlerTimeoutError) }),
    ]);
    expect(result.outcomes[0].durationMs).toBeGreaterThanOrEqual(20);
    expect(bus.stats()).toMatchObject({ running: 1, overdue: 1, timedOut: 1 });

    await app!.close();
    app = undefined;
    expect(bus.stats()).toMatchObject({ overdue: 1, failed: 1 });
  });
});

describe('readsContext', () => {
  class Handlers {
    plain(_event: unknown): void {}
    async awaited(_event: unknown): Promise<void> {}
    none(): void {}
    declared(_event: unknown, _context: unknown): void {}
    withDefault(_event: unknown, _context: unknown = undefined): void {}
    rest(..._args: unknown[]): void {}
    destructured({ id }: { id: string }): string {
      return id;
    }
    viaArguments(_event: unknown): unknown {
      // eslint-disable-next-line prefer-rest-params
      return arguments[1];
    }
    *generator(_event: unknown): Generator<number> {
      yield 1;
    }
    [Symbol.for('computed')](_event: unknown, _context: unknown): void {}
  }
  const prototype = Handlers.prototype as unknown as Record<string | symbol, (...args: never[]) => unknown>;

  it('says no only for a function that declares one plain parameter or none and never mentions `arguments` or `eval`', () => {
    expect(readsContext(prototype.plain)).toBe(false);
    expect(readsContext(prototype.awaited)).toBe(false);
    expect(readsContext(prototype.none)).toBe(false);
    expect(readsContext((event: unknown) => event)).toBe(false);
    expect(readsContext(async (event: unknown) => event)).toBe(false);
    expect(readsContext(function named(event: unknown) {
      return event;
    })).toBe(false);
  });

  it('says yes whenever a second argument could be seen, or the source does not tell', () => {
    expect(readsContext(prototype.declared)).toBe(true);
    expect(readsContext(prototype.withDefault)).toBe(true);
    expect(readsContext(prototype.rest)).toBe(true);
    expect(readsContext(prototype.destructured)).toBe(true);
    expect(readsContext(prototype.viaArguments)).toBe(true);
    expect(readsContext(prototype.generator)).toBe(true);
    expect(readsContext(prototype[Symbol.for('computed')])).toBe(true);
    expect(readsContext(prototype.plain.bind({}))).toBe(true);
    expect(readsContext(new Proxy(prototype.plain, {}))).toBe(true);
    expect(readsContext((code: string) => eval(code))).toBe(true);
    // A strict function that spells `arguments` with an escape.
    const escaped = new Function('"use strict"; return function (event) { return \\u0061rguments[1]; };')() as (event: unknown, context?: unknown) => unknown;
    expect(escaped('event', 'context')).toBe('context');
    expect(readsContext(escaped)).toBe(true);
    // Sloppy-mode functions: other code can read `fn.arguments`.
    expect(readsContext(new Function('event', 'return event') as (event: unknown) => unknown)).toBe(true);
  });
});
