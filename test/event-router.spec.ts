import { describe, it, expect } from '@jest/globals';
import { EventRouter } from '../lib/routing/event-router.js';

class OrderEvent {}
class OrderPlaced extends OrderEvent {}
class PriorityOrderPlaced extends OrderPlaced {}
class Unrelated {}

describe('EventRouter', () => {
  it('finds the subscribers of a class and of its parents', () => {
    const router = new EventRouter<string>();
    router.add(OrderEvent, 'base');
    router.add(OrderPlaced, 'placed');
    router.add(Unrelated, 'unrelated');

    expect(router.forClass(OrderEvent)).toEqual(['base']);
    expect([...router.forClass(OrderPlaced)].sort()).toEqual(['base', 'placed']);
    expect([...router.forClass(PriorityOrderPlaced)].sort()).toEqual(['base', 'placed']);
    expect(router.forClass(Unrelated)).toEqual(['unrelated']);
  });

  it('lists a subscriber once however many of its classes match', () => {
    const router = new EventRouter<string>();
    router.add(OrderEvent, 'both');
    router.add(OrderPlaced, 'both');
    router.add(PriorityOrderPlaced, 'both');

    expect(router.forClass(PriorityOrderPlaced)).toEqual(['both']);
  });

  it('matches names exactly and by pattern, once per subscriber', () => {
    const router = new EventRouter<string>();
    router.add('order.created', 'exact');
    router.add('order.*', 'one');
    router.add('order.**', 'any');
    router.add('order.created', 'twice');
    router.add('order.*', 'twice');

    expect([...router.forName('order.created')].sort()).toEqual(['any', 'exact', 'one', 'twice']);
    expect([...router.forName('order')]).toEqual(['any']);
    expect(router.forName('invoice.created')).toEqual([]);
  });

  it('matches symbols by identity, never by pattern', () => {
    const shipped = Symbol('order.shipped');
    const router = new EventRouter<string>();
    router.add(shipped, 'symbol');
    router.add('**', 'everything');

    expect(router.forName(shipped)).toEqual(['symbol']);
    expect(router.forName(Symbol('order.shipped'))).toEqual([]);
  });

  it('answers from its cache until a subscriber is added, then sees the new one', () => {
    const router = new EventRouter<string>();
    router.add(OrderEvent, 'first');
    router.add('order.*', 'first');
    expect(router.forClass(OrderPlaced)).toEqual(['first']);
    expect(router.forName('order.created')).toEqual(['first']);

    router.add(OrderPlaced, 'second');
    router.add('order.created', 'second');
    expect([...router.forClass(OrderPlaced)].sort()).toEqual(['first', 'second']);
    expect([...router.forName('order.created')].sort()).toEqual(['first', 'second']);
  });
});
