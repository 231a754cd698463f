import 'reflect-metadata';
import { describe, it, expect, afterEach } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule } from '../lib/index.js';
import { HandledLog } from './src/scoped/handled.log.js';
import { SignupAuditConsumer } from './src/scoped/signup-audit.consumer.js';
import { SignupCounterConsumer } from './src/scoped/signup-counter.consumer.js';
import { UserSignedUp } from './src/scoped/user-signed-up.event.js';
import { WelcomeMailConsumer } from './src/scoped/welcome-mail.consumer.js';

describe('handlers of request-scoped and transient providers', () => {
  let app: INestApplication;
  let bus: EventBus;
  let log: HandledLog;

  afterEach(async () => {
    await app.close();
  });

  async function start(): Promise<void> {
    const moduleRef = await Test.createTestingModule({
      imports: [EventBusModule.forRoot()],
      providers: [HandledLog, WelcomeMailConsumer, SignupAuditConsumer, SignupCounterConsumer],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    bus = app.get(EventBus);
    log = app.get(HandledLog);
  }

  it('get a fresh request-scoped instance per event, whose REQUEST is the event', async () => {
    await start();
    const events = [new UserSignedUp('u-1'), new UserSignedUp('u-2'), new UserSignedUp('u-3')];
    for (const event of events) await bus.publish(event);
    await bus.drain();

    const entries = log.of('request');
    expect(entries.map((entry) => entry.event)).toEqual(events);
    expect(new Set(entries.map((entry) => entry.instance)).size).toBe(3);
    for (const entry of entries) {
      expect(entry.instance).toBeInstanceOf(WelcomeMailConsumer);
      expect(entry.request).toBe(entry.event);
    }
  });

  it('get a fresh transient instance per event, whose REQUEST is the event (payload of a named event)', async () => {
    await start();
    const payloads = [{ userId: 'u-1' }, { userId: 'u-2' }];
    for (const payload of payloads) await bus.publish('user.signed-up', payload);
    await bus.drain();

    const entries = log.of('transient');
    expect(entries.map((entry) => entry.event)).toEqual(payloads);
    expect(new Set(entries.map((entry) => entry.instance)).size).toBe(2);
    for (const entry of entries) {
      expect(entry.instance).toBeInstanceOf(SignupAuditConsumer);
      expect(entry.request).toBe(entry.event);
    }
  });

  it('do not share state between events, even for a transient provider with a static dependency tree', async () => {
    await start();
    for (let n = 0; n < 3; n++) await bus.publish(new UserSignedUp(`u-${n}`));
    await bus.drain();

    const entries = log.of('transient, static tree');
    expect(entries).toHaveLength(3);
    expect(new Set(entries.map((entry) => entry.instance)).size).toBe(3);
    for (const entry of entries) expect((entry.instance as SignupCounterConsumer).count).toBe(1);
  });

  it('report each fresh instance as one handler in outcomes', async () => {
    await start();
    const result = await bus.publishAndWait(new UserSignedUp('u-9'));

    expect(result.outcomes.map((outcome) => [outcome.handler, outcome.status]).sort()).toEqual([
      ['SignupCounterConsumer.increment', 'fulfilled'],
      ['WelcomeMailConsumer.send', 'fulfilled'],
    ]);
  });
});
