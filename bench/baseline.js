// The baseline every text benchmark compares against: what any reader of the text must at least
// do, split it into lines and scan each for numbers.

/** The count of numbers in a text, found line by line. */
export function baseline(text) {
  let numbers = 0
  for (const line of text.split('\n')) {
    const found = line.match(/[-+]?\d+(?:\.\d+)?/g)
    if (found !== null) numbers += found.length
  }
  return numbers
}
