/** The whole corpus. Names are unique: lintian and debship both report by package name. */
import type { Recipe } from '../recipe.js';
import { binaryRecipes } from './binaries.js';
import { docRecipes } from './docs.js';
import { fieldRecipes } from './fields.js';
import { fileRecipes } from './files.js';
import { moreFieldRecipes } from './fields-more.js';
import { layoutRecipes } from './layout.js';
import { libraryRecipes } from './libraries.js';
import { manualRecipes } from './manual.js';
import { overrideRecipes } from './overrides.js';
import { packageDataRecipes } from './package-data.js';
import { moreScriptRecipes } from './scripts-more.js';
import { scriptRecipes } from './scripts.js';
import { systemdRecipes } from './systemd.js';

const controls: Recipe[] = [
  { name: 'clean-arch-all', about: 'nothing wrong, a Homepage (control)', fields: { Homepage: 'https://example.org/corpus' }, tags: [] },
  { name: 'clean-no-payload', about: 'only documentation, which lintian calls empty', noPayload: true, tags: ['empty-binary-package'] },
];

export const corpus: Recipe[] = [...controls, ...fieldRecipes, ...moreFieldRecipes, ...fileRecipes, ...layoutRecipes, ...packageDataRecipes, ...docRecipes, ...manualRecipes, ...overrideRecipes, ...binaryRecipes, ...libraryRecipes, ...scriptRecipes, ...moreScriptRecipes, ...systemdRecipes];
