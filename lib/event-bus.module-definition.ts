import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { EventBusModuleOptions } from './interfaces/event-bus-options.interface.js';

/** What a `forRootAsync({ useClass })` class implements. */
export interface EventBusOptionsFactory {
  createEventBusOptions(): EventBusModuleOptions | Promise<EventBusModuleOptions>;
}

export const {
  ConfigurableModuleClass: ConfigurableEventBusModule,
  MODULE_OPTIONS_TOKEN: EVENT_BUS_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<EventBusModuleOptions>({ moduleName: 'EventBus' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createEventBusOptions')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
