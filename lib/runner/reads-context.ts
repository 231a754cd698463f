/** A function that declares one plain parameter or none: `name(event) {`, `function (event) {`, `(event) =>`. */
const ONE_PARAMETER = /^(?:async\s+)?(?:function\b\s*)?(?:[A-Za-z_$][\w$]*)?\s*\(\s*(?:[A-Za-z_$][\w$]*)?\s*\)/;
/** `event => ...` */
const BARE_ARROW = /^(?:async\s+)?[A-Za-z_$][\w$]*\s*=>/;
/** Ways to reach arguments that are not declared: `arguments`, and direct `eval` in the body. */
const UNDECLARED_ACCESS = /\b(?:arguments|eval)\b/;

/**
 * Whether a function can see a second argument. Yes when it declares one (or a rest or default
 * parameter, or destructures), when its source mentions `arguments` or `eval` or holds a `\u`
 * escape (an identifier may be spelled with one), and when it is a sloppy-mode function, whose
 * `fn.arguments` other code can read. Anything the source cannot tell (native, bound, proxied,
 * computed names, generators) counts as yes too. What is left is a strict function that declares
 * at most one plain parameter and never names its arguments: class methods, arrows and strict
 * functions like `(event) => ...`, which have no other way to read an argument they do not declare.
 * The runner makes no context for an attempt whose handler cannot see it.
 */
export function readsContext(fn: (...args: never[]) => unknown): boolean {
  // Only sloppy functions have their own `arguments` (strict ones throw on `fn.arguments`).
  if (Object.prototype.hasOwnProperty.call(fn, 'arguments')) return true;
  let source: string;
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    return true;
  }
  // Bound and native functions show no parameters: `function () { [native code] }`.
  if (source.includes('[native code]') || source.includes('\\u')) return true;
  if (!ONE_PARAMETER.test(source) && !BARE_ARROW.test(source)) return true;
  return UNDECLARED_ACCESS.test(source);
}
