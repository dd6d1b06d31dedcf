import type { z } from 'zod'
import { UserInputError } from '../../platform/errors.js'

/** Parses a command's input; the first problem is refused, named by its control (the last part of the zod path). */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new UserInputError(issue.message, { field: String(issue.path.at(-1) ?? 'form') })
}
