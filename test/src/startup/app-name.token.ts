/** Which of several apps in one process a provider belongs to. */
export const APP_NAME = Symbol('APP_NAME');
