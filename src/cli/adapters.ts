/**
 * `--adapter FILE`: a module holding a custom adapter, loaded into the command (and into each
 * worker). It exports the adapter as its default export, as `adapter`, or several as `adapters`;
 * failing those, every named export that is an adapter is taken (`export const csvAdapter = …`,
 * as docs/custom-adapter.md writes one).
 *
 * @module
 */

import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Adapter } from '../parse.js'

const loaded = new Map<string, Promise<Adapter[]>>()

/**
 * The adapters of the modules named by `--adapter`, each module imported once per thread.
 *
 * @param files - Module paths, as given (resolved against the working directory).
 * @throws Error naming the module when it cannot be imported or exports no adapter.
 */
export async function loadAdapters(files: readonly string[]): Promise<Adapter[]> {
  const adapters: Adapter[] = []
  for (const file of files) adapters.push(...(await loadOne(resolve(file))))
  return adapters
}

function loadOne(file: string): Promise<Adapter[]> {
  let adapters = loaded.get(file)
  if (adapters === undefined) {
    adapters = import(pathToFileURL(file).href).then((module: Record<string, unknown>) => {
      const named = [module.default, module.adapter, ...(Array.isArray(module.adapters) ? module.adapters : [])].filter(isAdapter)
      const found = named.length > 0 ? named : Object.values(module).filter(isAdapter)
      if (found.length === 0)
        throw new Error(
          `${file} exports no adapter (an export with name, detect and read: the default export, \`adapter\`, \`adapters\` or any other)`
        )
      return [...new Set(found)]
    })
    loaded.set(file, adapters)
  }
  return adapters
}

function isAdapter(value: unknown): value is Adapter {
  const candidate = value as Partial<Adapter> | null | undefined
  return typeof candidate?.name === 'string' && typeof candidate.detect === 'function' && typeof candidate.read === 'function'
}
