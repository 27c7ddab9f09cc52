/**
 * A small line chart of one series over a body's years, as inline SVG: no script, no font or
 * style from outside; a gap where a year has no value; each point's year and value in a `<title>`
 * (shown on hover).
 *
 * @module
 */

import { escapeHtml } from '../../serialize/index.js'

/** One point of a series: a year and its value (`null`: none). */
export interface ChartPoint {
  /** The year. */
  year: number
  /** Its value, or `null`. */
  value: number | null
}

const WIDTH = 240
const HEIGHT = 96
const LEFT = 36
const RIGHT = 16
const TOP = 10
const BOTTOM = 20

/**
 * A line chart of a series.
 *
 * @param title - What it shows (escaped).
 * @param points - The years, earliest first, each with its value.
 * @param format - How a value is written (its axis label and its point's title).
 */
export function lineChart(title: string, points: readonly ChartPoint[], format: (value: number) => string): string {
  const values = points.flatMap((point) => (point.value === null || !Number.isFinite(point.value) ? [] : [point.value]))
  const first = points[0]?.year ?? 0
  const last = points[points.length - 1]?.year ?? first
  const low = Math.min(0, ...values)
  const high = Math.max(low + 1e-9, ...values)
  const x = (year: number): number =>
    LEFT + (last === first ? (WIDTH - LEFT - RIGHT) / 2 : ((year - first) / (last - first)) * (WIDTH - LEFT - RIGHT))
  const y = (value: number): number => TOP + (1 - (value - low) / (high - low)) * (HEIGHT - TOP - BOTTOM)
  const round = (n: number): string => n.toFixed(1)
  // A line for each run of years with values; a missing year breaks it.
  const runs: string[][] = []
  let run: string[] = []
  let previous: number | undefined
  for (const { year, value } of points) {
    if (value === null || !Number.isFinite(value) || (previous !== undefined && year !== previous + 1)) {
      if (run.length > 0) runs.push(run)
      run = []
    }
    if (value !== null && Number.isFinite(value)) run.push(`${round(x(year))},${round(y(value))}`)
    previous = year
  }
  if (run.length > 0) runs.push(run)
  const lines = runs.map((line) =>
    line.length === 1 ? '' : `<polyline points="${line.join(' ')}" fill="none" stroke="#1f5fa8" stroke-width="1.5"/>`
  )
  const dots = points.flatMap(({ year, value }) =>
    value === null || !Number.isFinite(value)
      ? []
      : [
          `<circle cx="${round(x(year))}" cy="${round(y(value))}" r="2.5" fill="#1f5fa8"><title>${year}: ${escapeHtml(format(value))}</title></circle>`
        ]
  )
  const axis = `<line x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${WIDTH - RIGHT}" y2="${HEIGHT - BOTTOM}" stroke="#999"/><line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${HEIGHT - BOTTOM}" stroke="#999"/>`
  const labels = [
    `<text x="${LEFT - 3}" y="${TOP + 4}" text-anchor="end">${escapeHtml(format(high))}</text>`,
    `<text x="${LEFT - 3}" y="${HEIGHT - BOTTOM}" text-anchor="end">${escapeHtml(format(low))}</text>`,
    `<text x="${round(x(first))}" y="${HEIGHT - 5}" text-anchor="middle">${first}</text>`,
    last === first ? '' : `<text x="${round(x(last))}" y="${HEIGHT - 5}" text-anchor="middle">${last}</text>`
  ]
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}" font-size="9" font-family="sans-serif" fill="#444">${axis}${labels.join('')}${lines.join('')}${dots.join('')}${values.length === 0 ? `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">no values</text>` : ''}</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`
}
