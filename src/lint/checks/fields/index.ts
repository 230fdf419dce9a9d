/** The fields check family: lintian's fields/* checks of the control file. */
import type { Check } from '../../types.js';
import { architectureCheck } from './architecture.js';
import { descriptionCheck } from './description.js';
import { mailAddressCheck } from './mail-address.js';
import { bugsCheck, builtUsingCheck, essentialCheck, homepageCheck, multiArchCheck, originCheck, packageTypeCheck, sourceCheck } from './metadata.js';
import { packageNameCheck } from './package-name.js';
import { packageRelationsCheck } from './package-relations.js';
import { priorityCheck } from './priority.js';
import { recommendedCheck, requiredCheck } from './required.js';
import { sectionCheck } from './section.js';
import { emptyFieldCheck, lengthCheck, multiLineCheck, terminalControlCheck, unknownFieldCheck } from './syntax.js';
import { versionCheck } from './version.js';

export const fieldsChecks: Check[] = [
  requiredCheck,
  recommendedCheck,
  packageNameCheck,
  versionCheck,
  architectureCheck,
  sectionCheck,
  priorityCheck,
  mailAddressCheck,
  descriptionCheck,
  packageRelationsCheck,
  essentialCheck,
  multiArchCheck,
  homepageCheck,
  bugsCheck,
  originCheck,
  packageTypeCheck,
  sourceCheck,
  builtUsingCheck,
  emptyFieldCheck,
  multiLineCheck,
  lengthCheck,
  unknownFieldCheck,
  terminalControlCheck,
];
