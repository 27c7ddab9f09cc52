/**
 * Usage errors (issue 26): one line saying what is wrong, with what was likely meant, then where to
 * read more; exit 2, nothing read or written; never the whole help, never Node's own text.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { didYouMean, editDistance, suggest } from '../../src/cli/suggest.js'
import { CORPUS, run } from './helpers.js'

const SEED = join(CORPUS, 'seed-000', 'input.txt')

describe('a usage error is one line, then where to read more', () => {
  const cases: [string[], string, string][] = [
    [['pars', SEED], "unknown command 'pars'. Did you mean 'parse'?", ''],
    [['chekc', SEED], "unknown command 'chekc'. Did you mean 'check'?", ''],
    [['frobnicate', SEED], "unknown command 'frobnicate': the commands are parse, check, view, dataset, codebook", ''],
    [[CORPUS], `unknown command '${CORPUS}': name a command first (zfxxgk parse ${CORPUS}, zfxxgk check ${CORPUS})`, ''],
    [[], 'name a command: parse, check, view, dataset or codebook', ''],
    [['parse', '--fromat', 'json', SEED], "unknown option '--fromat'. Did you mean '--format'?", ' parse'],
    [['check', SEED, '--frial'], "unknown option '--frial'. Did you mean '--frail'?", ' check'],
    [['check', SEED, '--exlcude=x'], "unknown option '--exlcude'. Did you mean '--exclude'?", ' check'],
    [['parse', SEED, '--nope'], "unknown option '--nope'", ' parse'],
    [['parse', SEED, '-x'], "unknown option '-x'", ' parse'],
    [['parse', SEED, '--to'], 'option --to needs a value (json, ndjson, csv, markdown, xlsx)', ' parse'],
    [['dataset', SEED, '--to'], 'option --to needs a value (csv, json)', ' dataset'],
    [['parse', '--to', '--format', 'json', SEED], 'option --to needs a value (json, ndjson, csv, markdown, xlsx)', ' parse'],
    [['parse', SEED, '-o'], 'option -o/--output needs a value (a file, or a folder ending in /)', ' parse'],
    [['check', SEED, '--frail=yes'], 'option --frail takes no value', ' check'],
    [['parse', SEED, '--to', 'cvs'], "--to must be one of json, ndjson, csv, markdown, xlsx. Did you mean 'csv'?", ' parse'],
    [['parse', SEED, '--to', 'xml'], '--to must be one of json, ndjson, csv, markdown, xlsx', ' parse'],
    [['parse', SEED, '--to', 'csv', '--shape', 'wdie'], "--shape must be long or wide. Did you mean 'wide'?", ' parse'],
    [['check', SEED, '--to', 'csv'], '--to is an option of parse, dataset and codebook, not of check', ' check']
  ]
  it.each(cases)('%j', async (argv, says, command) => {
    const { code, stdout, stderr } = await run(argv)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`zfxxgk: ${says}\nRun 'zfxxgk${command} --help' for more.\n`)
  })

  it('shows the help asked for, on stdout, exit 0', async () => {
    const top = await run(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/^Usage: zfxxgk <command>/u)
    expect((await run(['check', '--help'])).stdout).toMatch(/^Usage: zfxxgk check/u)
  })
})

describe('suggestions', () => {
  it('measure letters added, dropped, changed and swapped', () => {
    expect(editDistance('parse', 'parse')).toBe(0)
    expect(editDistance('pars', 'parse')).toBe(1)
    expect(editDistance('fromat', 'format')).toBe(1)
    expect(editDistance('chekc', 'check')).toBe(1)
    expect(editDistance('', 'view')).toBe(4)
    expect(editDistance('数据集', '数据')).toBe(1)
  })

  it('give the nearest within 2 (and half the word), else the words it begins, else none', () => {
    const options = ['format', 'to', 'ext', 'exclude', 'output', 'report']
    expect(suggest('fromat', options)).toEqual(['format'])
    expect(suggest('FORMAT', options)).toEqual(['format'])
    expect(suggest('ot', options)).toEqual(['to'])
    expect(suggest('xy', options)).toEqual([])
    expect(suggest('ex', options)).toEqual(['ext', 'exclude'])
    expect(suggest('exc', options)).toEqual(['exclude'])
    expect(suggest('excl', options)).toEqual(['exclude'])
    expect(suggest('rep', options)).toEqual(['report'])
    expect(suggest('exl', options)).toEqual(['ext'])
    expect(suggest('e', options)).toEqual([])
    expect(suggest('zzzzzzz', options)).toEqual([])
    expect(didYouMean('unknown option', ['ext', 'exclude'], '--')).toBe("unknown option. Did you mean '--ext' or '--exclude'?")
  })
})
