import { Module, type DynamicModule } from '@nestjs/common';
import { EventBusModule } from '../../../lib/index.js';
import { APP_NAME } from './app-name.token.js';
import { InventoryConsumer } from './inventory.consumer.js';
import { InventoryProducer } from './inventory.producer.js';

/** The consumer is also reachable under two aliases (`useExisting`): it must still be one handler. */
export const CONSUMER_ALIAS = Symbol('CONSUMER_ALIAS');
export const SECOND_ALIAS = 'SECOND_ALIAS';

@Module({})
export class InventoryModule {
  static forApp(app: string): DynamicModule {
    return {
      module: InventoryModule,
      imports: [EventBusModule.forRoot()],
      providers: [
        { provide: APP_NAME, useValue: app },
        InventoryConsumer,
        { provide: CONSUMER_ALIAS, useExisting: InventoryConsumer },
        { provide: SECOND_ALIAS, useExisting: CONSUMER_ALIAS },
        InventoryProducer,
      ],
    };
  }
}
