// `placewise match --input FILE.json --output OUT.json`: the panel allocation that minimises the total
// cost over all the children at once (some may stay unplaced), exactly; officers accept or adjust it.
import type { Command } from 'commander'
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from '../../cli/jsonFiles.js'
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
      const problem = parseMatchInput(await readJsonFile(file), file)
      const result = match(problem)
      await writeJsonFile(output, result, 'the allocation')
      const placed = result.assignment.filter((j) => j !== null).length
      console.log(
        `Allocated ${placed} of ${problem.children} children (${problem.children - placed} unplaced), total ${result.total}; written to ${output}`,
      )
    })
}
