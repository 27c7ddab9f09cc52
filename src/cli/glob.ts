/**
 * The patterns of `--exclude`: `*` (any run of characters but `/`), `?` (one character but `/`),
 * `**` (any run, `/` included; `**` followed by `/` also none), everything else itself. Matched by walking the
 * pattern and the path together, every place of the pattern reachable kept at once, so a match
 * costs the pattern's length times the path's, whatever the pattern (no backtracking).
 *
 * @module
 */

/** One step of a pattern. */
type Step =
  | { kind: 'char'; char: string }
  | { kind: 'one' }
  /** `*` (`slash` false) or `**` (`slash` true): any run, none included. */
  | { kind: 'run'; slash: boolean }
  /** Before `**` followed by `/`: go on, or jump past both, matching nothing. */
  | { kind: 'fork'; past: number }

/** A compiled pattern. */
export interface Glob {
  /** The pattern as given. */
  source: string
  /** Whether it holds a `/` (matched against the whole relative path) or not (against each name in it). */
  anchored: boolean
  /** Its steps. */
  steps: readonly Step[]
}

/**
 * Compile a pattern. A trailing `/` is dropped; a pattern without `/` names a file or folder at any
 * depth (`drafts`, `*.meta.json`); one with `/` a path from the folder walked (`2019/**`).
 *
 * @param pattern - The pattern, as given to `--exclude`.
 */
export function compileGlob(pattern: string): Glob {
  const source = pattern
  const text = pattern.replace(/\/+$/u, '').replace(/^\.\//u, '')
  const chars = [...text]
  const steps: Step[] = []
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string
    if (char === '?') steps.push({ kind: 'one' })
    else if (char === '*') {
      let end = i
      while (chars[end + 1] === '*') end++
      const globstar = end > i
      if (globstar && chars[end + 1] === '/') steps.push({ kind: 'fork', past: steps.length + 3 })
      steps.push({ kind: 'run', slash: globstar })
      i = end
    } else steps.push({ kind: 'char', char })
  }
  return { source, anchored: text.includes('/'), steps }
}

/**
 * Whether a pattern matches a path relative to the folder walked (`/` between names).
 *
 * @param glob - The compiled pattern.
 * @param path - The relative path.
 */
export function globMatches(glob: Glob, path: string): boolean {
  if (glob.anchored) return matchWhole(glob.steps, path)
  const names = path.split('/')
  return matchWhole(glob.steps, names[names.length - 1] ?? '')
}

/** Whether the steps match all of `text`: the set of places reachable, character by character. */
function matchWhole(steps: readonly Step[], text: string): boolean {
  let places = closure(steps, [0])
  for (const char of text) {
    const next: number[] = []
    for (const at of places) {
      const step = steps[at]
      if (step === undefined || step.kind === 'fork') continue
      if (step.kind === 'char' ? step.char === char : step.kind === 'one' ? char !== '/' : step.slash || char !== '/')
        next.push(step.kind === 'run' ? at : at + 1)
    }
    if (next.length === 0) return false
    places = closure(steps, next)
  }
  return places.includes(steps.length)
}

/** The places reachable from `from` without reading a character (a run may match nothing), each once. */
function closure(steps: readonly Step[], from: readonly number[]): number[] {
  const seen = new Uint8Array(steps.length + 1)
  const out: number[] = []
  const stack = [...from]
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (seen[at] === 1) continue
    seen[at] = 1
    out.push(at)
    const step = steps[at]
    if (step?.kind === 'run') stack.push(at + 1)
    else if (step?.kind === 'fork') stack.push(at + 1, Math.min(step.past, steps.length))
  }
  return out
}
