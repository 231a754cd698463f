import { Event } from 'nestjs-async-event-bus';

/** A new price for one symbol. `@Event` gives it the wire name it travels under between processes. */
@Event('market.price-tick')
export class PriceTick {
  constructor(
    readonly symbol: string,
    readonly price: number,
    readonly sequence: number,
  ) {}
}
