// Setup of the vitest run that StrykerJS uses (vitest.mutation.config.ts) only; `npm test` runs every property in full.
// Each mutant re-runs the tests that cover it, and a mutant that survives runs all of them: a property test that
// takes seconds (hundreds of generated plans) would then cost seconds per mutant. Here each property stops after
// 300 ms and counts as passed, so a mutant is killed by the cases generated in that time or by the example tests.
import fc from 'fast-check'

fc.configureGlobal({ interruptAfterTimeLimit: 300, markInterruptAsFailure: false })
