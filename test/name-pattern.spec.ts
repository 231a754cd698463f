import { describe, it, expect } from '@jest/globals';
import { NamePattern } from '../lib/routing/name-pattern.js';

describe('NamePattern', () => {
  it.each([
    ['order.*', 'order.created', true],
    ['order.*', 'order', false],
    ['order.*', 'order.line.added', false],
    ['order.*', 'invoice.created', false],
    ['*', 'order', true],
    ['*', 'order.created', false],
    ['*.created', 'order.created', true],
    ['*.created', 'order.updated', false],
    ['order.**', 'order', true],
    ['order.**', 'order.created', true],
    ['order.**', 'order.line.added', true],
    ['order.**', 'orders.created', false],
    ['order.**', 'invoice', false],
    ['**', 'order', true],
    ['**', 'order.line.added', true],
    ['**.added', 'added', true],
    ['**.added', 'order.line.added', true],
    ['**.added', 'order.line.removed', false],
    ['order.**.added', 'order.added', true],
    ['order.**.added', 'order.line.added', true],
    ['order.**.added', 'order.line.item.added', true],
    ['order.**.added', 'order.line.removed', false],
    ['order.*.added', 'order.added', false],
    ['order.*.added', 'order.line.added', true],
  ])('%s against %s is %s', (pattern, name, expected) => {
    expect(new NamePattern(pattern).matches(name)).toBe(expected);
  });

  it('tells patterns from plain names', () => {
    expect(NamePattern.isPattern('order.*')).toBe(true);
    expect(NamePattern.isPattern('**')).toBe(true);
    expect(NamePattern.isPattern('order.created')).toBe(false);
  });
});
