/** lintian overrides shipped in the package: used, unused, mismatched, malformed, unknown. */
import type { Recipe } from '../recipe.js';

const file = (pkg: string, text: string) => ({ path: `/usr/share/lintian/overrides/${pkg}`, content: text });

export const overrideRecipes: Recipe[] = [
  {
    name: 'overrides-mixed',
    about: 'overrides that match, do not match, repeat or name unknown tags',
    files: [
      { path: '/usr/share/overrides-mixed/secret.json', content: '{}\n', mode: 0o600 },
      { path: '/usr/share/overrides-mixed/other.json', content: '{}\n', mode: 0o600 },
      file(
        'overrides-mixed',
        [
          '# The secret is for root only.',
          'overrides-mixed: non-standard-file-perm 0600 != 0644 [usr/share/overrides-mixed/secret.json]',
          'non-standard-file-perm 0600 != 0644 [usr/share/overrides-mixed/nothing-here.json]',
          'dir-or-file-in-opt',
          'no-such-tag-in-lintian',
          'overrides-mixed [amd64]: package-contains-empty-directory',
          'package-contains-vcs-control-file [x]',
          'package-contains-vcs-control-file [x]',
          'overrides-mixed non-standard-file-perm',
          '',
        ].join('\n'),
      ),
    ],
    tags: ['alien-tag', 'duplicate-override-context', 'invalid-override-restriction', 'malformed-override', 'mismatched-override', 'non-standard-file-perm', 'unused-override'],
  },
  {
    name: 'overrides-renamed',
    about: 'an override using a tag\'s old name',
    files: [file('overrides-renamed', 'debian-changelog-file-missing\n')],
    tags: ['renamed-tag', 'unused-override'],
  },
  {
    name: 'overrides-unknown-pair',
    about: 'two tags lintian does not know: both have no current name, so they count as one repeated context',
    files: [file('overrides-unknown-pair', 'postinst-has-useless-call-to-ldconfig\npostrm-has-useless-call-to-ldconfig\n')],
    tags: ['alien-tag', 'duplicate-override-context'],
  },
];
