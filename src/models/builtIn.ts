/**
 * The built-in models (solve --model) read from the model files shipped in models/, through the
 * same loader as a user's file. test/modelFile.test.ts checks that each derives exactly the system
 * the ledger derives from the paper's lab-frame Hamiltonians (src/models/measured.ts).
 */
import { readFileSync } from 'node:fs';
import { loadModelFile, type ModelFile } from './modelFile.ts';
import type { ModelName } from './measured.ts';
import { packageFile } from './packageFile.ts';

const loaded = new Map<ModelName, ModelFile>();

export function builtInModel(model: ModelName): ModelFile {
  let m = loaded.get(model);
  if (m === undefined) {
    const path = packageFile(`models/${model}.yaml`);
    m = loadModelFile(readFileSync(path, 'utf8'), `models/${model}.yaml`);
    loaded.set(model, m);
  }
  return m;
}
