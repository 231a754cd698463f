import { Module } from '@nestjs/common';
import { BusOptionsFactory } from './bus-options.factory.js';
import { BUS_SETTINGS } from './bus-settings.token.js';

/** Settings from elsewhere in the app: a value to inject, and a factory to use as an existing provider. */
@Module({
  providers: [{ provide: BUS_SETTINGS, useValue: { concurrency: 1 } }, BusOptionsFactory],
  exports: [BUS_SETTINGS, BusOptionsFactory],
})
export class SettingsModule {}
