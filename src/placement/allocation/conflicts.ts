/**
 * What the allocation cannot see: two children it proposes for the same home are each checked
 * against the children living there, not against each other. These checks say where the proposal
 * puts together children the council's rules keep apart, for the officer to adjust.
 */
import type { MatchingRules } from '../domain/matchingRules.js'
import type { ChildNeedsProfile } from '../domain/needsProfile.js'

export type Proposed = { label: string; slot: number | null; profile: ChildNeedsProfile; homeName: string }

function pairProblems(a: Proposed, b: Proposed, rules: MatchingRules): string[] {
  const out: string[] = []
  for (const r of rules.compatibility) {
    if (a.profile.riskFlags.includes(r.ifChild) && b.profile.riskFlags.includes(r.ifResident)) out.push(r.description)
  }
  const alongside = a.profile.caredForAlongside
  if (alongside === 'Solo placement recommended') out.push(`${a.label} should live on their own`)
  if (alongside === 'Only with other older children' && b.profile.ageAtStart <= a.profile.ageAtStart)
    out.push(`${a.label} should live only with older children`)
  if (alongside === 'Only with other younger children' && b.profile.ageAtStart >= a.profile.ageAtStart)
    out.push(`${a.label} should live only with younger children`)
  return out
}

/** Warnings for every pair of proposed children sharing a home, each naming both. */
export function sharedHomeConflicts(proposed: readonly Proposed[], rules: MatchingRules): string[] {
  const out: string[] = []
  for (let i = 0; i < proposed.length; i++) {
    for (let j = i + 1; j < proposed.length; j++) {
      const a = proposed[i]!
      const b = proposed[j]!
      if (a.slot === null || a.slot !== b.slot) continue
      const problems = [...new Set([...pairProblems(a, b, rules), ...pairProblems(b, a, rules)])]
      if (problems.length > 0) out.push(`${a.label} and ${b.label} are both proposed for ${a.homeName}: ${problems.join('; ')}`)
    }
  }
  return out
}
