import { expect } from 'vitest';
import { loadModelFile, ModelFileError } from '../../src/models/modelFile.ts';

/** The message a model file is refused with (it must be a ModelFileError); fails the test if the file loads. */
export function refusal(text: string, file = 'm.yaml'): string {
  try {
    loadModelFile(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelFileError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}
