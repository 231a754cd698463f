import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EVENT_BUS_CONFIG } from './event-bus.constants.js';
import { ASYNC_OPTIONS_TYPE, ConfigurableEventBusModule, EVENT_BUS_MODULE_OPTIONS, OPTIONS_TYPE } from './event-bus.module-definition.js';
import { EventBus } from './event-bus.js';
import { EventBusMetadataAccessor } from './discovery/event-bus-metadata.accessor.js';
import { EventHandlersExplorer } from './discovery/event-handlers.explorer.js';
import { resolveModuleOptions } from './options/resolve-module-options.js';

/**
 * The event bus module. Import it once, in the root module; it is global unless `isGlobal: false`.
 *
 * @example
 * \@Module({ imports: [EventBusModule.forRoot({ concurrency: 32 })] })
 * export class AppModule {}
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    { provide: EVENT_BUS_CONFIG, useFactory: resolveModuleOptions, inject: [EVENT_BUS_MODULE_OPTIONS] },
    EventBus,
    EventBusMetadataAccessor,
    EventHandlersExplorer,
  ],
  exports: [EventBus],
})
export class EventBusModule extends ConfigurableEventBusModule {
  /** Configures the bus with options known up front. */
  static override forRoot(options: typeof OPTIONS_TYPE = {}): DynamicModule {
    return super.forRoot(options);
  }

  /** Configures the bus with options from a factory, a class or an existing provider. */
  static override forRootAsync(options: typeof ASYNC_OPTIONS_TYPE): DynamicModule {
    return super.forRootAsync(options);
  }
}
