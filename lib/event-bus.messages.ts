const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  // JSON.stringify turns NaN and Infinity into "null": numbers are shown as they are.
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'symbol' || typeof value === 'function') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export const invalidOption = (option: string, value: unknown, expected: string): string =>
  `Invalid event bus option "${option}": ${show(value)} (expected ${expected})`;

export const invalidEvent = (value: unknown): string =>
  `Cannot publish ${value === null ? 'null' : typeof value === 'object' ? 'this object' : show(value)}: ` +
  'an event is a class instance, or a non-empty string or symbol name followed by its payload';

export const busClosed = (eventName: string): string =>
  `Cannot publish "${eventName}": the event bus is shutting down`;

export const busOverloaded = (eventName: string, queued: number, maxQueueSize: number): string =>
  `Cannot publish "${eventName}": ${queued} handler tasks are queued (maxQueueSize ${maxQueueSize}, overflow 'reject')`;

export const notAMethod = (className: string, key: string | symbol): string =>
  `@OnEvent() on ${className}.${String(key)}: it is not a method. Put @OnEvent() on a method.`;

export const noEvent = (className: string, key: string | symbol, value: unknown): string =>
  `@OnEvent() on ${className}.${String(key)} names no event (got ${show(value)}): ` +
  'pass an event class, a non-empty name or pattern, a symbol, or an array of them';

export const duplicateHandler = (id: string, first: string, second: string): string =>
  `Two event handlers have the id "${id}" (${first} and ${second}): give one of them @OnEvent(..., { name })`;

export const handlerFailed = (eventName: string, handler: string, attempt: number, willRetry: boolean): string =>
  `Handler "${handler}" failed on "${eventName}" (attempt ${attempt})${willRetry ? ', will retry' : ''}`;

export const shutdownAbandoned = (abandoned: number, running: number, queued: number, delayed: number, waitedMs: number): string =>
  `Shutdown gave up on ${abandoned} handler task(s) after ${waitedMs} ms: ` +
  `${running} running (signal aborted), ${queued} queued, ${delayed} waiting to retry`;

export const taskAbandoned = (handler: string): string =>
  `Handler "${handler}" was abandoned at shutdown`;

export const heldUndelivered = (eventName: string): string =>
  `Event "${eventName}" published during startup could not be delivered`;

export const shutdownBeforeStartup = (held: number): string =>
  `Shutdown before startup: ${held} held event(s) were never delivered`;
