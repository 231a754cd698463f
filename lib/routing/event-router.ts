import type { EventClass } from '../interfaces/event-key.interface.js';
import { NamePattern } from './name-pattern.js';

/** A cache that forgets everything once it is full: names can be unbounded (`order.<id>`). */
const MAX_CACHED_NAMES = 10_000;

/**
 * Finds the subscribers of an event: by constructor and its parents for class events, by exact
 * name or pattern for named ones. Each answer is computed once per class or name, then cached;
 * a subscriber appears at most once in an answer however many of its keys match.
 */
export class EventRouter<S> {
  private readonly byClass = new Map<EventClass, S[]>();
  private readonly byName = new Map<string | symbol, S[]>();
  private readonly patterns: Array<{ pattern: NamePattern; subscriber: S }> = [];
  private readonly classCache = new Map<EventClass, readonly S[]>();
  private readonly nameCache = new Map<string | symbol, readonly S[]>();

  add(key: EventClass | string | symbol, subscriber: S): void {
    if (typeof key === 'function') push(this.byClass, key, subscriber);
    else if (typeof key === 'string' && NamePattern.isPattern(key)) this.patterns.push({ pattern: new NamePattern(key), subscriber });
    else push(this.byName, key, subscriber);
    this.classCache.clear();
    this.nameCache.clear();
  }

  /** Subscribers of a class event, base-class subscribers included. */
  forClass(type: EventClass): readonly S[] {
    let found = this.classCache.get(type);
    if (found === undefined) {
      const seen = new Set<S>();
      for (let t: unknown = type; typeof t === 'function' && t !== Function.prototype && t !== Object; t = Object.getPrototypeOf(t)) {
        for (const subscriber of this.byClass.get(t as EventClass) ?? []) seen.add(subscriber);
      }
      found = [...seen];
      this.classCache.set(type, found);
    }
    return found;
  }

  /** Subscribers of a named event: exact name, then patterns (strings only). */
  forName(name: string | symbol): readonly S[] {
    let found = this.nameCache.get(name);
    if (found === undefined) {
      const seen = new Set<S>(this.byName.get(name) ?? []);
      if (typeof name === 'string') {
        for (const { pattern, subscriber } of this.patterns) if (pattern.matches(name)) seen.add(subscriber);
      }
      found = [...seen];
      if (this.nameCache.size >= MAX_CACHED_NAMES) this.nameCache.clear();
      this.nameCache.set(name, found);
    }
    return found;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
