import type { EventBusModuleOptions } from '../../../lib/index.js';

/** Bus options an app keeps in a settings module of its own. */
export const BUS_SETTINGS = Symbol('BUS_SETTINGS');
export type BusSettings = EventBusModuleOptions;
