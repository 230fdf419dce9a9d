/** The files check family: lintian's checks on the installed tree and the control members. */
import type { Check } from '../../types.js';
import { buildPathCheck } from './build-path.js';
import { changelogCheck } from './changelog.js';
import { compressedGzCheck } from './compressed-gz.js';
import { conffilesCheck } from './conffiles.js';
import { controlFilesCheck } from './control-files.js';
import { copyrightCheck } from './copyright.js';
import { emptyDirectoriesCheck } from './empty-dirs.js';
import { emptyPackageCheck } from './empty-package.js';
import { hardLinksCheck } from './hard-links.js';
import { hierarchyCheck } from './hierarchy.js';
import { md5sumsCheck } from './md5sums.js';
import { missingDirectoriesCheck } from './missing.js';
import { nameLengthCheck } from './name-length.js';
import { namesCheck } from './names.js';
import { obsoletePathsCheck } from './obsolete-paths.js';
import { pathSegmentsCheck } from './path-segments.js';
import { ownershipCheck } from './ownership.js';
import { permissionsCheck, usrLibExecutablesCheck } from './permissions.js';
import { pythonCheck } from './python.js';
import { specialFilesCheck } from './special.js';
import { symlinksCheck } from './symlinks.js';
import { unwantedFilesCheck } from './unwanted.js';
import { vcsCheck } from './vcs.js';

export const filesChecks: Check[] = [
  hierarchyCheck,
  pathSegmentsCheck,
  permissionsCheck,
  usrLibExecutablesCheck,
  ownershipCheck,
  specialFilesCheck,
  missingDirectoriesCheck,
  emptyDirectoriesCheck,
  emptyPackageCheck,
  hardLinksCheck,
  symlinksCheck,
  namesCheck,
  unwantedFilesCheck,
  vcsCheck,
  buildPathCheck,
  obsoletePathsCheck,
  pythonCheck,
  conffilesCheck,
  md5sumsCheck,
  controlFilesCheck,
  copyrightCheck,
  changelogCheck,
  compressedGzCheck,
  nameLengthCheck,
];
