import { readFile, writeFile } from 'node:fs/promises'
import { UserInputError } from '../platform/errors.js'

const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message

/** Reads a JSON input file for a command; a missing file or bad JSON is a message naming the file. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new UserInputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it (${reason(e)})`, { file })
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new UserInputError(`${file}: not valid JSON (${(e as Error).message})`, { file })
  }
}

/** Writes a command's JSON output; `what` names it in the error ("the award"). */
export async function writeJsonFile(file: string, value: unknown, what: string): Promise<void> {
  try {
    await writeFile(file, `${JSON.stringify(value, null, 2)}\n`)
  } catch (e) {
    throw new UserInputError(`${file}: cannot write ${what} (${reason(e)})`, { file })
  }
}
