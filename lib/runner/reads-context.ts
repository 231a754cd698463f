/** A function that declares one plain parameter or none: `name(event) {`, `function (event) {`, `(event) =>`. */
const ONE_PARAMETER = /^(?:async\s+)?(?:function\b\s*)?(?:[A-Za-z_$][\w$]*)?\s*\(\s*(?:[A-Za-z_$][\w$]*)?\s*\)/;
/** `event => ...` */
const BARE_ARROW = /^(?:async\s+)?[A-Za-z_$][\w$]*\s*=>/;
/** Ways to reach arguments that are not declared: `arguments`, and direct `eval` in the body. */
const UNDECLARED_ACCESS = /\b(?:arguments|eval)\b/;

/**
 * Whether a function can see a second argument: it declares one (or a rest or default
 * parameter, or destructures), or its source mentions `arguments` or `eval`. Anything it cannot
 * tell from the source (native, bound, proxied, computed names, generators) counts as yes. Class
 * methods are strict, so there is no other way for them to read an argument they do not declare.
 * The runner makes no context for an attempt whose handler cannot see it.
 */
export function readsContext(fn: (...args: never[]) => unknown): boolean {
  let source: string;
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    return true;
  }
  // Bound and native functions show no parameters: `function () { [native code] }`.
  if (source.includes('[native code]')) return true;
  if (!ONE_PARAMETER.test(source) && !BARE_ARROW.test(source)) return true;
  return UNDECLARED_ACCESS.test(source);
}
