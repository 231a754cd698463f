import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBus, EventBusModule, OnEvent } from '../lib/index.js';

class Ping { constructor(readonly n: number) {} }

@Injectable()
class H {
  seen: number[] = [];
  @OnEvent(Ping)
  async on(e: Ping) { await new Promise((r) => setTimeout(r, 10)); this.seen.push(e.n); }
}

@Module({ imports: [EventBusModule.forRoot()], providers: [H] })
class M {}

test('smoke', async () => {
  const ref = await Test.createTestingModule({ imports: [M] }).compile();
  const app = ref.createNestApplication();
  await app.init();
  const bus = app.get(EventBus);
  const r = await bus.publishAndWait(new Ping(1));
  expect(r.outcomes[0].status).toBe('fulfilled');
  expect(app.get(H).seen).toEqual([1]);
  await app.close();
});
