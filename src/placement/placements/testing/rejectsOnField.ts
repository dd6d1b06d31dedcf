import assert from 'node:assert/strict'
import { UserInputError } from '../../../platform/errors.js'

/** Asserts a refusal of bad input that names the control (and, optionally, says what the pattern says). */
export async function rejectsOnField(promise: Promise<unknown>, field: string, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof UserInputError, String(err))
    assert.equal(err.where?.field, field, err.message)
    if (message) assert.match(err.message, message)
    return true
  })
}
