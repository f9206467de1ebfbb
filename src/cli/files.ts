/**
 * Files named on the command line. Inputs are read only when they are regular files (a FIFO would block
 * forever, `/dev/zero` would never end) and only up to a size limit; outputs are checked before any work
 * starts, so a typo in `--savestate` does not throw away a long run. Every failure is a `CliError` that
 * names the option and the file and says what to do.
 */
import { accessSync, closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './cli-error';

/** Why a file-system call failed, in words (`ENOENT` → "it does not exist"). */
export function fsReason(e: unknown): string {
  const code = (e as { code?: string })?.code;
  switch (code) {
    case 'ENOENT': return 'it does not exist';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ELOOP': return 'a symbolic link loops back on itself';
    case 'EEXIST': return 'a file of that name is in the way';
    case 'ENOSPC': return 'the disk is full';
    case 'EROFS': return 'the file system is read-only';
    case 'ENAMETOOLONG': return 'the name is too long';
    default: return (e as Error)?.message ?? String(e);
  }
}

function mib(n: number): string {
  return n >= 1 << 20 ? `${n / (1 << 20)} MiB` : `${n} bytes`;
}

/**
 * The bytes of a regular file of at most `maxBytes`. `what` names it for messages, e.g.
 * `--loadstate state.sta`. Errors are exit 1 (the data or the file is the problem, not the usage).
 */
export function readInputFile(path: string, what: string, maxBytes: number): Uint8Array {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw new CliError(`${what}: cannot read ${path}: ${fsReason(e)}`);
  }
  if (!st.isFile()) throw new CliError(`${what}: ${path} is not a regular file (${st.isDirectory() ? 'a folder' : 'a device, pipe or socket'}); give a file`);
  if (st.size > maxBytes) throw new CliError(`${what}: ${path} is ${st.size} bytes, more than the ${mib(maxBytes)} this can be; is it the right file?`);
  let fd: number;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new CliError(`${what}: cannot read ${path}: ${fsReason(e)}`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new CliError(`${what}: ${path} is not a regular file; give a file`);
    const buf = new Uint8Array(Math.min(maxBytes, st.size) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) throw new CliError(`${what}: ${path} is larger than the ${mib(maxBytes)} this can be; is it the right file?`);
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${what}: cannot read ${path}: ${fsReason(e)}`);
  } finally {
    closeSync(fd);
  }
}

/** `readInputFile` as UTF-8 text. */
export function readInputText(path: string, what: string, maxBytes: number): string {
  return new TextDecoder().decode(readInputFile(path, what, maxBytes));
}

function writableFolder(dir: string, what: string, target: string): void {
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (e) {
    throw new CliError(`${what} ${target}: the folder ${resolve(dir)} ${(e as { code?: string }).code === 'ENOENT' ? 'does not exist; create it first' : `cannot be used: ${fsReason(e)}`}`, 2);
  }
  if (!st.isDirectory()) throw new CliError(`${what} ${target}: ${resolve(dir)} is not a folder`, 2);
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new CliError(`${what} ${target}: cannot write into ${resolve(dir)}: ${fsReason(e)}`, 2);
  }
}

/**
 * An output file the run will write at its end (or stream into): its folder must exist and be writable,
 * and the path must not be a folder. Checked before the run starts. Usage errors (exit 2).
 */
export function checkOutputFile(path: string, option: string): void {
  const what = `--${option}`;
  if (path === '') throw new CliError(`${what} needs a file name`, 2);
  let st: Stats | null = null;
  try {
    st = statSync(path);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw new CliError(`${what} ${path}: ${fsReason(e)}`, 2);
  }
  if (st?.isDirectory()) throw new CliError(`${what} ${path}: this is a folder; give a file name`, 2);
  if (st && !st.isFile()) throw new CliError(`${what} ${path}: this is not a regular file; give a file name`, 2);
  writableFolder(dirname(resolve(path)), what, path);
  if (st) {
    try {
      accessSync(path, constants.W_OK);
    } catch (e) {
      throw new CliError(`${what} ${path}: cannot overwrite it: ${fsReason(e)}`, 2);
    }
  }
}

/** An output folder (created when missing, like MAME's snap folder); checked before the run starts. */
export function prepareOutputFolder(dir: string, option: string): void {
  const what = `--${option}`;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`${what} ${dir}: cannot create the folder: ${fsReason(e)}`, 2);
  }
  writableFolder(dir, what, dir);
}
