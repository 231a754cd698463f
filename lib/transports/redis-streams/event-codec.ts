import { eventClassOf, wireNameOf } from '../../decorators/event.decorator.js';
import { EventTransportError } from '../../errors/event-transport.error.js';
import type { EventClass } from '../../interfaces/event-key.interface.js';
import type { IncomingEvent } from '../event-transport.interface.js';

/** Field values of one stream entry. */
export interface WireEntry {
  /** 'c' for a class event, 'n' for a named event. */
  kind: 'c' | 'n';
  name: string;
  payload: string;
  publishedAt: number;
}

const DATE_TAG = '$date';
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Turns an event into a stream entry: JSON, with `Date`s tagged so that they come back as dates.
 * @throws EventTransportError when the event cannot travel (no `@Event` name, a symbol name, or
 *   a payload JSON cannot hold: a BigInt, a cycle).
 */
export function encodeEvent(type: EventClass | string | symbol, event: unknown, publishedAt: number, maxBytes: number): WireEntry {
  let kind: WireEntry['kind'];
  let name: string;
  if (typeof type === 'function') {
    const wireName = wireNameOf(type);
    if (!wireName) {
      throw new EventTransportError(`Cannot publish ${type.name} over the transport: give the class a wire name with @Event('...')`);
    }
    kind = 'c';
    name = wireName;
  } else if (typeof type === 'symbol') {
    throw new EventTransportError(`Cannot publish ${String(type)} over the transport: symbol names do not travel; use a string name`);
  } else {
    kind = 'n';
    name = type;
  }
  let payload: string | undefined;
  try {
    payload = JSON.stringify(event === undefined ? null : event, tagDates);
  } catch (error) {
    throw new EventTransportError(`Cannot publish "${name}": its payload cannot be serialised to JSON (${(error as Error).message})`);
  }
  if (payload === undefined) throw new EventTransportError(`Cannot publish "${name}": its payload cannot be serialised to JSON`);
  if (Buffer.byteLength(payload) > maxBytes) {
    throw new EventTransportError(`Cannot publish "${name}": its payload is ${Buffer.byteLength(payload)} bytes, over maxEntryBytes ${maxBytes}`);
  }
  return { kind, name, payload, publishedAt };
}

/**
 * What an entry read from the stream claims to be: a name, or a class registered with `@Event`.
 * Read before the payload, so that a handler can pass over entries that are not for it unread.
 * @throws Error for a missing name, an unknown kind, or a class name no `@Event` registered.
 */
export function decodeType(fields: Record<string, string>): EventClass | string {
  const { k: kind, n: name } = fields;
  if (typeof name !== 'string' || name.length === 0) throw new Error('entry has no event name');
  if (kind === 'n') return name;
  if (kind !== 'c') throw new Error(`entry "${name}" has an unknown kind ${JSON.stringify(kind)}`);
  const type = eventClassOf(name);
  if (!type) throw new Error(`no class is registered with @Event('${name}') in this instance`);
  return type;
}

/**
 * Rebuilds the event of an entry whose type is known. Trusts nothing: oversize payloads and bad
 * JSON throw; `__proto__`, `constructor` and `prototype` keys are dropped at every depth; only
 * `@Event` classes are ever constructed, and without running their constructor.
 */
export function decodePayload(fields: Record<string, string>, type: EventClass | string, maxBytes: number): IncomingEvent {
  const { p: payload, t: at } = fields;
  if (typeof payload !== 'string') throw new Error(`entry "${fields.n}" has no payload`);
  const bytes = Buffer.byteLength(payload);
  if (bytes > maxBytes) throw new Error(`entry "${fields.n}" is ${bytes} bytes, over maxEntryBytes ${maxBytes}`);
  const data: unknown = JSON.parse(payload, reviveSafely);
  const publishedAt = Number.isFinite(Number(at)) ? Number(at) : Date.now();
  return { type, event: typeof type === 'string' ? data : rebuild(type, data), publishedAt };
}

function rebuild(type: EventClass, data: unknown): unknown {
  const fromJSON = (type as unknown as { fromJSON?: unknown }).fromJSON;
  if (typeof fromJSON === 'function') {
    return fromJSON.call(type, data);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`entry of ${type.name} does not hold an object`);
  }
  // No constructor call: constructors may have side effects and expect arguments, not JSON.
  return Object.assign(Object.create(type.prototype as object) as object, data);
}

function tagDates(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? { [DATE_TAG]: original.toISOString() } : value;
}

function reviveSafely(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === DATE_TAG && typeof (value as Record<string, unknown>)[DATE_TAG] === 'string') {
      const date = new Date((value as Record<string, string>)[DATE_TAG]);
      if (!Number.isNaN(date.getTime())) return date;
    }
  }
  return value;
}
