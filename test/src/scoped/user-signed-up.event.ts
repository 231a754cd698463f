export class UserSignedUp {
  constructor(readonly userId: string) {}
}
