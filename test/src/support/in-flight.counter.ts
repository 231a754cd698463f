/** Counts bodies running at once, and the most there ever were. */
export class InFlightCounter {
  now = 0;
  max = 0;

  enter(): void {
    this.now++;
    if (this.now > this.max) this.max = this.now;
  }

  leave(): void {
    this.now--;
  }
}
