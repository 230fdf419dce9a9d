/** What the loader knows about a field beyond its type, registered on the zod schemas. */
import { z } from 'zod';

/** What the loader needs to know about a field beyond its type. */
export interface FieldInfo {
  /** What is expected, in words, for type errors ("an octal mode such as 0644"). */
  expected?: string;
  /** Message and hint when a required key is missing. */
  required?: { message: string; hint: string };
  /** Integer written in YAML is a permission mode: `0644` is octal (as nfpm reads it), bare `644` is ambiguous. */
  octal?: boolean;
  /** Accepted for nfpm compatibility but has no effect on a .deb: loading warns with this text. */
  ignored?: string;
}

export const fieldInfo = z.registry<FieldInfo>();
