import { CheckoutCompleted } from './checkout-completed.event.js';

export class ExpressCheckoutCompleted extends CheckoutCompleted {}
