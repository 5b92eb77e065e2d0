/** Every claim of the paper checked so far, in the paper's order. */
import type { Claim } from '../src/verify/claim.ts';
import { section2 } from './section2.ts';
import { section4 } from './section4.ts';
import { section4Numeric } from './section4Numeric.ts';
import { section5 } from './section5.ts';
import { section7 } from './section7.ts';
import { figure2Claims } from './figure2Claims.ts';
import { outlook } from './outlook.ts';
import { monteCarlo } from './monteCarlo.ts';
import { beyondRwa } from './beyondRwa.ts';

export const claims: readonly Claim[] = [
  ...section2,
  ...section4,
  ...section4Numeric,
  ...monteCarlo,
  ...section5,
  ...section7,
  ...figure2Claims,
  ...outlook,
  ...beyondRwa,
];
