import type { Program } from '../process.ts';
import { apk } from './apk/apk.ts';
import { apkProgramNames } from './apk/index.ts';
import { aptProgram } from './apt/apt-get.ts';
import { debProgramNames } from './apt/archive.ts';
import { dpkg } from './apt/dpkg.ts';
import { python3 } from './python/python3.ts';

/**
 * The package managers (and Python's launcher, which pip runs through) by the program names their files carry.
 * `PACKAGED_PROGRAM_NAMES` lists the programs the packages they install ship, so the registry knows every name a
 * file may carry.
 */
export const PACKAGE_PROGRAMS: Readonly<Record<string, Program>> = {
  'apt-get': aptProgram('apt-get'),
  apt: aptProgram('apt'),
  dpkg,
  apk,
  python3,
};

export const PACKAGED_PROGRAM_NAMES: readonly string[] = [...new Set([...debProgramNames(), ...apkProgramNames()])].sort();
