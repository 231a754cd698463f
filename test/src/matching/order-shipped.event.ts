/** A symbol event: matched by identity, never by a name pattern. */
export const ORDER_SHIPPED = Symbol('order.shipped');
