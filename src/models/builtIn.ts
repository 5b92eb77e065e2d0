/**
 * The built-in models (solve --model) are the model files shipped in models/, read through the
 * same loader as a user's file; each is loaded once per process from the package's own models/
 * folder (the only file this reads).
 */
import { readFileSync } from 'node:fs';
import { loadModelFile, type ModelFile } from './modelFile.ts';
import { packageFile } from './packageFile.ts';

export const MODEL_NAMES = ['modulated', 'constant', 'single', 'bae'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

const loaded = new Map<ModelName, ModelFile>();

export function builtInModel(model: ModelName): ModelFile {
  let m = loaded.get(model);
  if (m === undefined) {
    m = loadModelFile(readFileSync(packageFile(`models/${model}.yaml`), 'utf8'), `models/${model}.yaml`, model);
    loaded.set(model, m);
  }
  return m;
}
