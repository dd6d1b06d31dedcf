// `placewise match --input FILE.json --output OUT.json`: the panel allocation that minimises the total
// cost over all the children at once (some may stay unplaced), exactly; officers accept or adjust it.
import { readFile, writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { z } from 'zod'
import { UserInputError } from '../../platform/errors.js'
import { match } from './match.js'
import { parseMatchInput } from './parse.js'

const Args = z.object({
  input: z.string().trim().min(1, 'give the input file: --input FILE.json'),
  output: z.string().trim().min(1, 'give the output file: --output OUT.json'),
})

export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description('Allocate children to homes with free beds at the least total cost (some may stay unplaced), exactly')
    .requiredOption('--input <file>', 'capacities, costs (dense) or children and arcs (sparse), unassignedCost (JSON)')
    .requiredOption('--output <file>', 'where to write the assignment and its total (JSON)')
    .action(async (opts: unknown) => {
      const parsed = Args.safeParse(opts)
      if (!parsed.success) throw new UserInputError(parsed.error.issues[0]!.message)
      const { input: file, output } = parsed.data
      const problem = parseMatchInput(await readJson(file), file)
      const result = match(problem)
      try {
        await writeFile(output, `${JSON.stringify(result)}\n`)
      } catch (e) {
        throw new UserInputError(`${output}: cannot write the allocation (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, {
          file: output,
        })
      }
      const placed = result.assignment.filter((j) => j !== null).length
      console.log(
        `Allocated ${placed} of ${problem.children} children (${problem.children - placed} unplaced), total ${result.total}; written to ${output}`,
      )
    })
}

async function readJson(file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new UserInputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it (${code ?? (e as Error).message})`, {
      file,
    })
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new UserInputError(`${file}: not valid JSON (${(e as Error).message})`, { file })
  }
}
