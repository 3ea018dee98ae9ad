import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root, wherever a script is started from. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fromRoot = (...parts) => path.join(root, ...parts);
