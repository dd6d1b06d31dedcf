// `placewise tender award --input FILE.json --output OUT.json`: the award alone, from scored bids.
import type { Command } from 'commander'
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from '../../cli/jsonFiles.js'
import { UserInputError } from '../../platform/errors.js'
import { awardFromInput, awardJson } from './award.js'
import { formatPounds } from './combination.js'
import { compileSolverForOneShot } from './optimal.js'
import { parseAwardInput } from './parse.js'

const Args = z.object({
  input: z.string().trim().min(1, 'give the input file: --input FILE.json'),
  output: z.string().trim().min(1, 'give the output file: --output OUT.json'),
})

export function registerTenderAwardCommand(program: Command): void {
  const tender = program.commands.find((c) => c.name() === 'tender') ?? program.command('tender').description('Mini-competitions')
  tender
    .command('award')
    .description('Choose the winning bid(s) from scored bids, by the rank or optimal rule, and say why')
    .requiredOption('--input <file>', 'the rule and the scored bids (JSON)')
    .requiredOption('--output <file>', 'where to write the award (JSON)')
    .action(async (opts: unknown) => {
      const parsed = Args.safeParse(opts)
      if (!parsed.success) throw new UserInputError(parsed.error.issues[0]!.message)
      const { input: file, output } = parsed.data
      const input = parseAwardInput(await readJsonFile(file), file)
      compileSolverForOneShot()
      const result = await awardFromInput(input)
      if (!result.feasible) throw new UserInputError(`${file}: no award is possible: ${result.reason}`, { file })
      await writeJsonFile(output, awardJson(result), 'the award')
      console.log(
        `Award (${input.rule}): ${result.chosen.join(', ')}: ${result.beds} beds, ${formatPounds(result.weeklyCostPence)} a week, objective ${result.objective}; ${result.alternatives.length} alternative${result.alternatives.length === 1 ? '' : 's'} written to ${output}`,
      )
    })
}
