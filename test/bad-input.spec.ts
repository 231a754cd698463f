import 'reflect-metadata';
import { describe, it, expect, afterEach } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule, InvalidEventError, OnEvent } from '../lib/index.js';
import { JobQueued } from './src/jobs/job-queued.event.js';

describe('bad input', () => {
  describe('publish', () => {
    let app: INestApplication;

    afterEach(async () => {
      await app.close();
    });

    async function start(): Promise<EventBus> {
      const moduleRef = await Test.createTestingModule({ imports: [EventBusModule.forRoot()] }).compile();
      app = moduleRef.createNestApplication({ logger: false });
      await app.init();
      return app.get(EventBus);
    }

    it.each([
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['an empty name', ''],
      ['a plain object', {}],
      ['an array', [new JobQueued(1)]],
      ['a boolean', true],
      ['an object without prototype', Object.create(null) as object],
    ])('rejects %s with InvalidEventError, and counts nothing', async (_, value) => {
      const bus = await start();
      const published: unknown[] = [];
      bus.stream().subscribe((event) => published.push(event));

      await expect(bus.publish(value as never)).rejects.toBeInstanceOf(InvalidEventError);
      await expect(bus.publishAndWait(value as never)).rejects.toBeInstanceOf(InvalidEventError);
      await expect(bus.publish(value as never)).rejects.toThrow(/Cannot publish/);

      expect(published).toEqual([]);
      expect(bus.stats().published).toBe(0);
    });

    it('rejects rather than throws, so a caller that only awaits sees the error', async () => {
      const bus = await start();
      let returned: Promise<void> | undefined;
      expect(() => (returned = bus.publish(null as never))).not.toThrow();
      await expect(returned).rejects.toBeInstanceOf(InvalidEventError);
    });
  });

  describe('@OnEvent', () => {
    it('on a property throws a TypeError naming the class and the member', () => {
      expect(() => {
        class Misplaced {
          // @ts-expect-error: the decorator is for methods only
          @OnEvent('order.created') handler: unknown;
        }
        return Misplaced;
      }).toThrow(new TypeError('@OnEvent() on Misplaced.handler: it is not a method. Put @OnEvent() on a method.'));
    });

    it.each([
      ['no event', undefined],
      ['an empty array', []],
      ['an empty name', ''],
      ['an array with a hole in it', ['order.created', null]],
      ['a number', 42],
    ])('with %s throws a TypeError naming the class and the member', (_, event) => {
      expect(() => {
        class Nameless {
          @OnEvent(event as never)
          handle(): void {}
        }
        return Nameless;
      }).toThrow(TypeError);
      expect(() => {
        class Nameless {
          @OnEvent(event as never)
          handle(): void {}
        }
        return Nameless;
      }).toThrow(/@OnEvent\(\) on Nameless\.handle names no event/);
    });
  });
});
