/** Where in the input a problem is: the file, row, column or form field a user must fix. */
export type InputLocation = { file?: string; row?: number; column?: string; field?: string }

/** Bad input from a person or a file: shown to them as it is, never as a 500. */
export class UserInputError extends Error {
  constructor(
    message: string,
    public readonly where?: InputLocation,
  ) {
    super(message)
    this.name = 'UserInputError'
  }
}

/** The thing asked for does not exist — or the actor may not know that it does. */
export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message)
    this.name = 'NotFoundError'
  }
}
