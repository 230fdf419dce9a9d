/** The tags of lintian's fields/description, explained in debship.yaml terms. */
import type { TagInfo } from '../../types.js';
import { experimental } from '../../tag.js';
import { tag } from './tag.js';

const C = 'fields/description';
/** How debship.yaml holds a description: the first line is the synopsis, the rest the extended text. */
const YAML = 'In debship.yaml, `description:` holds the synopsis on its first line and the extended description below it (use `|` for a block).';

export const DESCRIPTION_TAGS: TagInfo[] = [
  tag('description-synopsis-is-empty', 'error', C, 'The first line of the description (the synopsis) is empty.', `${YAML} Start it with a short summary line.`),
  tag(
    'description-starts-with-package-name',
    'error',
    C,
    'The synopsis starts with the package name; APT shows the name next to it, so it only repeats it.',
    `${YAML} Describe what the package is, e.g. "HTTP service answering greetings", without its name.`,
  ),
  tag('description-synopsis-starts-with-article', 'warning', C, 'The synopsis starts with "a", "an" or "the"; by convention it is a noun phrase without the article.', `${YAML} Drop the leading article from the first line.`),
  tag('synopsis-is-a-sentence', 'info', C, 'The synopsis ends with a full stop like a sentence; it is a short phrase without one.', `${YAML} Remove the full stop at the end of the first line.`),
  tag('description-contains-tabs', 'error', C, 'The description contains tab characters, which front ends display inconsistently.', `${YAML} Replace tabs with spaces.`),
  tag('odd-mark-in-description', 'pedantic', C, 'A comma is followed directly by a letter or symbol instead of a space.', `${YAML} Put a space after each comma.`),
  tag('description-is-debmake-template', 'error', C, 'The description is still the "missing" placeholder of a packaging template.', `${YAML} Write a real description.`),
  tag('description-is-dh_make-template', 'error', C, 'The description is still the placeholder text of a packaging template.', `${YAML} Write a real description.`),
  tag('description-too-short', 'error', C, 'The synopsis is a single word, which says too little about the package.', `${YAML} Make the first line a short phrase, e.g. "HTTP service answering greetings".`),
  tag('description-is-pkg-name', 'error', C, 'The synopsis only repeats the package name.', `${YAML} Say what the package does on the first line.`),
  tag('synopsis-too-long', 'warning', C, 'The synopsis is longer than 80 characters; it should fit on one line of a package list.', `${YAML} Shorten the first line and move details to the extended description.`),
  tag('description-synopsis-is-duplicated', 'error', C, 'The first line of the extended description repeats the synopsis.', `${YAML} Let the extended description add to the synopsis rather than repeat it.`),
  tag(
    'description-contains-invalid-control-statement',
    'error',
    C,
    'A line of the extended description starts with a dot followed by text, or is a dot after extra spaces; only a lone " ." (an empty line) has a meaning.',
    `${YAML} debship writes empty lines as " ." itself; do not start lines with a dot.`,
  ),
  tag(
    'possible-unindented-list-in-extended-description',
    'warning',
    C,
    'The extended description seems to contain a list whose items are not indented, so front ends reflow them into one paragraph.',
    `${YAML} Indent list items by one more space than the text (e.g. " - item").`,
  ),
  tag('description-contains-homepage', 'warning', C, 'The extended description has a "Homepage:" line; the Homepage field is meant for that.', 'Set `homepage:` in debship.yaml and drop the line from `description:`.'),
  tag('description-mentions-planned-features', 'info', C, 'The description talks about planned features; it should describe the package as it is.', `${YAML} Describe what this version does.`),
  tag('description-contains-dh-make-perl-template', 'warning', C, 'The description contains a template sentence from dh-make-perl.', `${YAML} Replace it with a real description.`),
  tag('using-first-person-in-description', 'info', C, 'The description uses the first person ("I", "we", "my"); descriptions are written about the package, not by its author.', `${YAML} Rephrase in the third person.`),
  tag('description-starts-with-leading-spaces', 'warning', C, 'The extended description starts with an indented line, which front ends show verbatim (unwrapped).', `${YAML} Do not indent the first line after the synopsis.`),
  tag('extended-description-line-too-long', 'warning', C, 'A line of the extended description is longer than 80 columns.', `${YAML} Wrap the text at 79 characters or less.`),
  tag('extended-description-is-empty', 'error', C, 'The description has only a synopsis; the extended description explains what the package is for and is expected.', `${YAML} Add one or more lines after the first.`),
  tag('extended-description-is-probably-too-short', 'info', C, 'The extended description is a single line, which rarely says enough.', `${YAML} Add a few sentences on what the package does and for whom.`),
  tag('extended-description-contains-empty-paragraph', 'warning', C, 'The extended description starts or ends with an empty line, or has two empty lines in a row.', `${YAML} Remove leading, trailing and doubled blank lines.`),
  tag('description-possibly-contains-homepage', 'info', C, 'The extended description seems to name the project\'s home page, which belongs in the Homepage field.', 'Set `homepage:` in debship.yaml.'),
  experimental(tag('perl-module-name-not-mentioned-in-description', 'warning', C, 'A Perl module package does not name the module it contains in its description.', `${YAML} Mention the module name (Foo::Bar).`)),
  tag('spelling-error-in-description-synopsis', 'info', C, 'The synopsis has a word lintian knows as a common misspelling, or a word written twice.', `${YAML} Correct the word as the finding suggests.`),
  tag('capitalization-error-in-description-synopsis', 'info', C, 'The synopsis writes a name in the wrong case (debian for Debian, Gnome for GNOME).', `${YAML} Write the name as the finding suggests.`),
  tag('spelling-error-in-description', 'info', C, 'The extended description has a word lintian knows as a common misspelling, or a word written twice.', `${YAML} Correct the word as the finding suggests.`),
  tag('capitalization-error-in-description', 'info', C, 'The extended description writes a name in the wrong case (debian for Debian, Gnome for GNOME), or "meta package" for metapackage.', `${YAML} Write the name as the finding suggests.`),
];
