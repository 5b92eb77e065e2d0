import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivation, derivationText } from '../src/app/derive.ts';
import { loadModelFile, resolveFileParameters } from '../src/models/modelFile.ts';
import { refusal } from './support/modelFiles.ts';
import { builtInModel } from '../src/models/builtIn.ts';
import { evaluateExact } from '../src/numeric/fromExact.ts';
import { solveLabFrame } from '../src/index.ts';

const LAB = readFileSync('models/modulated-lab.yaml', 'utf8');

describe('model files in the lab frame: t, cos, sin and a frame', () => {
  it('the lab-frame model one reads to the RWA system of models/modulated.yaml, at every parameter point (here three)', () => {
    const lab = loadModelFile(LAB, 'models/modulated-lab.yaml');
    const rwa = builtInModel('modulated');
    for (const [delta, chi, nbar, mu, eta] of [
      ['30', '25', '5', '5', '1'],
      ['-7/3', '1/2', '0', '2', '1/3'],
      ['0', '3', '11/10', '1/7', '1'],
    ] as const) {
      const at = resolveFileParameters(lab, { omegad: '1000', delta, chi, nbar, mu, eta }, (n) => n);
      const ref = resolveFileParameters(rwa, { delta, chi, nbar, mu, eta }, (n) => n);
      for (const k of ['drift', 'diffusion', 'measurement'] as const) {
        const [x, y] = [evaluateExact(lab.system[k], at.values), evaluateExact(rwa.system[k], ref.values)];
        expect(x.flatMap((row, i) => row.flatMap((v, j) => (v.equals(y[i]![j]!) ? [] : [`${k}[${i}][${j}] at Δ = ${delta}`])))).toEqual([]);
      }
    }
  });

  it('derive lists the terms the RWA drops, each with its frequency: the beam splitter at ±2ω_d and the pair creation partner at ±4ω_d', () => {
    const lab = loadModelFile(LAB, 'models/modulated-lab.yaml');
    expect(lab.frame!.dropped.map((x) => x.phase)).toEqual(['-2*omegad', '-4*omegad', '2*omegad', '4*omegad']);
    const text = derivationText(lab, derivation(lab));
    expect(text).toContain('e^(i(4*omegad)*t): (chi)*ad*bd');
    expect(text).toContain('H̃/ħ = (delta)*ad*a + (delta)*bd*b + (chi)*a*b + (chi)*ad*bd');
  });

  it('clear messages: cos without a frame, t outside cos, a phase, a non-integer multiple, a frame naming no parameter', () => {
    const base = (hamiltonian: string, frame = 'frame: { a: w }\n') =>
      `modes: [a]\nparameters:\n  w: "> 0"\n  g: "> 0"\n${frame}hamiltonian: "${hamiltonian}"\ndissipators:\n  - { rate: g, jump: a }\n`;
    const message = (text: string) => refusal(text, 'f.yaml');
    expect(message(base('g*cos(2*w*t)*(a + ad)^2', ''))).toMatch(/cos\(…\) depends on time: it is allowed in a model file with a frame section/);
    expect(message(base('g*t*ad*a'))).toMatch(/t stands only inside cos\(…\) or sin\(…\)/);
    expect(message(base('g*cos(2*w*t + 1)*(a + ad)^2'))).toMatch(/ω·t with ω an integer combination of parameters/);
    expect(message(base('g*cos(w*t/2)*(a + ad)^2'))).toMatch(/integer/);
    expect(message(base('w*ad*a', 'frame: { a: omega }\n'))).toMatch(/must be one of the parameters/);
    expect(message(base('g*foo(w)*ad*a'))).toMatch(/"foo" is not a function here \(the functions are: sqrt, cos, sin\)/);
    // and a well-formed lab-frame one-mode file loads: w ad a rotates away, and the RWA keeps the degenerate parametric amplifier (g/2)(a² + a†²)
    const ok = loadModelFile(base('w*ad*a + g*cos(2*w*t)*(a + ad)^2'), 'f.yaml');
    expect(ok.frame!.rwaHamiltonian.toFileText(ok.frame!.modeName)).toBe('(1/2*g)*a^2 + (1/2*g)*ad^2');
    expect(ok.frame!.dropped.map((x) => x.phase)).toEqual(['-2*w', '-4*w', '2*w', '4*w']);
  });
});

describe('the library without the RWA: solveLabFrame', () => {
  it('refuses, naming the argument: a built-in model name, a model file without a frame section', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return `${(err as Error).name}: ${(err as Error).message}`;
      }
      return 'accepted';
    };
    expect(refused(() => solveLabFrame('modulated' as never, { delta: 30, chi: 25 }))).toMatch(/^InputError: model: a model file read by loadModelFile/);
    expect(refused(() => solveLabFrame(builtInModel('modulated'), { delta: 30, chi: 25 }))).toMatch(/^PeriodicStateError: .* has no frame section/);
  });

  it("model two's lab-frame file reads to models/constant.yaml exactly (its RWA), at three points", () => {
    const lab = loadModelFile(readFileSync('models/constant-lab.yaml', 'utf8'), 'models/constant-lab.yaml');
    const rwa = builtInModel('constant');
    for (const [coupling, chi, gamma1] of [
      ['30', '25', '1'],
      ['-2/3', '1/2', '5/4'],
      ['0', '3', '3/2'],
    ] as const) {
      const at = resolveFileParameters(lab, { omegam: '1000', coupling, chi, gamma1, nbar: '1', mu: '2', eta: '1/2' }, (n) => n);
      const ref = resolveFileParameters(rwa, { coupling, chi, gamma1, nbar: '1', mu: '2', eta: '1/2' }, (n) => n);
      for (const k of ['drift', 'diffusion', 'measurement'] as const) {
        const [x, y] = [evaluateExact(lab.system[k], at.values), evaluateExact(rwa.system[k], ref.values)];
        expect(x.flatMap((row, i) => row.flatMap((v, j) => (v.equals(y[i]![j]!) ? [] : [`${k}[${i}][${j}] at Γ = ${coupling}`])))).toEqual([]);
      }
    }
  });
});
