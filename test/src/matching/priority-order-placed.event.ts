import { OrderPlaced } from './order-placed.event.js';

export class PriorityOrderPlaced extends OrderPlaced {}
