/** Injection token of the process's ServiceConfig. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
