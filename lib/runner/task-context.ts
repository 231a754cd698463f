import type { EventContext } from '../interfaces/event-context.interface.js';

/** What one attempt of a task is told about itself: the handler's `EventContext`. */
export type TaskContext = EventContext;
