export class ReportRequested {
  constructor(readonly reportId: string) {}
}
