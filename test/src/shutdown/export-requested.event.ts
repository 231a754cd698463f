export class ExportRequested {
  constructor(
    readonly exportId: string,
    /** How long the export takes; it gives up at once when its signal aborts. */
    readonly takesMs: number,
  ) {}
}
