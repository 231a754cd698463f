/**
 * A wildcard pattern over dot-separated names: `*` matches one segment, `**` any number of
 * segments (none included). `order.*` matches `order.created`; `order.**` also `order` and
 * `order.line.added`.
 */
export class NamePattern {
  private readonly segments: readonly string[];

  constructor(readonly source: string) {
    this.segments = source.split('.');
  }

  static isPattern(name: string): boolean {
    return name.includes('*');
  }

  matches(name: string): boolean {
    return matchFrom(this.segments, 0, name.split('.'), 0);
  }
}

function matchFrom(pattern: readonly string[], p: number, name: readonly string[], n: number): boolean {
  for (; p < pattern.length; p++, n++) {
    const segment = pattern[p];
    if (segment === '**') {
      for (let rest = n; rest <= name.length; rest++) {
        if (matchFrom(pattern, p + 1, name, rest)) return true;
      }
      return false;
    }
    if (n >= name.length || (segment !== '*' && segment !== name[n])) return false;
  }
  return n === name.length;
}
