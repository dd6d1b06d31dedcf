import { Command, CommanderError } from 'commander'
import { ConfigError } from '../platform/config.js'
import { UserInputError } from '../platform/errors.js'
import { registerCommands } from './commands.js'

const program = new Command()
program
  .name('placewise')
  .description('Commission, fill and prove the value of children’s residential care.')
  .showHelpAfterError()
  .exitOverride()
registerCommands(program)

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode)
  if (err instanceof UserInputError || err instanceof ConfigError) {
    console.error(`placewise: ${err.message}`)
    process.exit(1)
  }
  console.error(err)
  process.exit(2)
}
