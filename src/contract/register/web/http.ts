/** Small helpers the register's routes share. */
import type { Request } from 'express'
import { UserInputError } from '../../../platform/errors.js'
import type { RawFields } from '../../../market/web/query.js'

export const param = (req: Request, name: string): string => String(req.params[name] ?? '')
export const bodyOf = (req: Request): RawFields => (req.body ?? {}) as RawFields
export const success = (req: Request, text: string) => (req.session.flash = { type: 'success', title: 'Success', text })

/** Runs a command; a refusal comes back as its error rather than a 500. */
export async function refusal(fn: () => Promise<unknown>): Promise<UserInputError | null> {
  try {
    await fn()
    return null
  } catch (err) {
    if (err instanceof UserInputError) return err
    throw err
  }
}
