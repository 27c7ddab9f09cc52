/**
 * "Did you mean …?": the nearest of some known words to a word misspelt, by Damerau–Levenshtein
 * distance (a letter added, dropped, changed, or two swapped), or the words it begins.
 *
 * @module
 */

/** The largest distance a suggestion may be at. */
const FARTHEST = 2

/**
 * The optimal string alignment distance between two words: the fewest letters added, dropped,
 * changed or swapped with the next to make one the other. Words are short (commands, options).
 *
 * @param a - A word.
 * @param b - Another.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  // Three rows of the table: two back (for a swap), one back, this one.
  let before = new Array<number>(y.length + 1).fill(0)
  let last = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      let best = Math.min((last[j] as number) + 1, (row[j - 1] as number) + 1, (last[j - 1] as number) + cost)
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, (before[j - 2] as number) + 1)
      row.push(best)
    }
    before = last
    last = row
  }
  return last[y.length] as number
}

/**
 * The known words a misspelt one most likely means: those it begins (a word cut short), else the
 * nearest within a distance of 2 (and of half its length, so that a short word is not matched by
 * anything); none when nothing is near. Letter case is ignored.
 *
 * @param word - What was typed.
 * @param known - The words it may mean, in the order to prefer on a tie.
 * @returns The words meant: one, or several that it begins equally; empty when none.
 */
export function suggest(word: string, known: readonly string[]): string[] {
  const typed = word.toLowerCase()
  if (typed === '') return []
  // A word cut short (`--excl`): what it begins is what was meant.
  const begun = typed.length < 2 ? [] : known.filter((candidate) => candidate.toLowerCase().startsWith(typed))
  if (begun.length > 0) return begun
  let best: string | undefined
  let nearest = Math.min(FARTHEST, Math.ceil(typed.length / 2))
  for (const candidate of known) {
    // The bound first: a word too long or too short is never within it.
    if (Math.abs(candidate.length - typed.length) > nearest) continue
    const distance = editDistance(typed, candidate.toLowerCase())
    if (distance <= nearest && (best === undefined || distance < nearest)) {
      best = candidate
      nearest = distance
    }
  }
  return best === undefined ? [] : [best]
}

/**
 * A problem, and what was likely meant: `unknown command 'pars'. Did you mean 'parse'?`,
 * `… Did you mean '--ext' or '--exclude'?`, or the problem alone when nothing is near.
 *
 * @param problem - What is wrong, without a full stop.
 * @param words - What {@link suggest} gave.
 * @param prefix - What to put before each word (`--` for an option).
 */
export function didYouMean(problem: string, words: readonly string[], prefix = ''): string {
  if (words.length === 0) return problem
  const quoted = words.map((word) => `'${prefix}${word}'`)
  const last = quoted.pop() as string
  return `${problem}. Did you mean ${quoted.length === 0 ? last : `${quoted.join(', ')} or ${last}`}?`
}
