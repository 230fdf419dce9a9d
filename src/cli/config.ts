/** Finds and loads the config for a command, printing warnings as plain lines. */
import { resolve } from 'node:path';
import { findConfigFile, loadConfig } from '../config/load.js';
import type { ProjectConfig } from '../config/types.js';
import type { Progress } from './progress.js';

export async function loadProjectConfig(file: string | undefined, progress: Progress): Promise<ProjectConfig> {
  const path = file ? resolve(file) : findConfigFile(process.cwd());
  const { config, warnings } = await loadConfig(path, { env: process.env });
  for (const w of warnings) {
    const where = w.line ? `${config.file}:${w.line}${w.column ? `:${w.column}` : ''}` : config.file;
    progress.line(`debship: warning: ${where}: ${w.path ? `${w.path}: ` : ''}${w.message}`);
  }
  return config;
}
