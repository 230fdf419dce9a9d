/** The binaries check family: ELF objects, as lintian's binaries/* and libraries/* checks see them. */
import type { Check } from '../../types.js';
import { architectureCheck, otherArchitectureCheck } from './architecture.js';
import { debugSymbolsCheck, detachedDebugCheck, strippedLibraryCheck, unneededSectionsCheck } from './debug-symbols.js';
import { embeddedLibrariesCheck } from './embedded.js';
import { hardeningCheck } from './hardening.js';
import { locationCheck } from './location.js';
import { prerequisitesCheck } from './prerequisites.js';
import { rpathCheck } from './rpath.js';
import { sharedLibraryPermissionsCheck, sharedLibraryRelocationCheck, sharedLibraryStackCheck } from './shared-libraries.js';
import { staticCheck } from './static.js';

export const binariesChecks: Check[] = [
  architectureCheck,
  otherArchitectureCheck,
  debugSymbolsCheck,
  unneededSectionsCheck,
  detachedDebugCheck,
  strippedLibraryCheck,
  staticCheck,
  prerequisitesCheck,
  embeddedLibrariesCheck,
  hardeningCheck,
  locationCheck,
  rpathCheck,
  sharedLibraryStackCheck,
  sharedLibraryRelocationCheck,
  sharedLibraryPermissionsCheck,
];
