/** Anything that can sit in a `TaskQueue`: the queue links through the item itself. */
export interface Linked<T> {
  next: T | undefined;
}

/**
 * A FIFO linked through its items: push, unshift and shift are O(1) and allocate nothing,
 * which a queue of hundreds of thousands of tasks needs (Array#shift is O(n) on large arrays).
 * An item sits in at most one queue at a time.
 */
export class TaskQueue<T extends Linked<T>> {
  head: T | undefined = undefined;
  tail: T | undefined = undefined;
  size = 0;

  push(item: T): void {
    item.next = undefined;
    if (this.tail) this.tail.next = item;
    else this.head = item;
    this.tail = item;
    this.size++;
  }

  unshift(item: T): void {
    item.next = this.head;
    this.head = item;
    if (!this.tail) this.tail = item;
    this.size++;
  }

  shift(): T | undefined {
    const item = this.head;
    if (!item) return undefined;
    this.head = item.next;
    if (!this.head) this.tail = undefined;
    item.next = undefined;
    this.size--;
    return item;
  }
}
