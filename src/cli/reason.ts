/**
 * What the command says about a failed system call: a short reason per error code (data, not an
 * `if` chain), the error's own message otherwise.
 *
 * @module
 */

/** Reasons by `error.code`, as the command prints them after `could not be read:` or `could not write …:`. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of its path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
  EPIPE: 'its reader closed it',
  EEXIST: 'already exists',
  EXDEV: 'on another file system'
}

/**
 * A short reason for an error: the one of its code, or its message.
 *
 * @param error - What was thrown.
 */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && REASONS[code] !== undefined) return REASONS[code]
  return error instanceof Error ? error.message : String(error)
}
