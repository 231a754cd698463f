export class AuditRequested {
  constructor(readonly account: string) {}
}
