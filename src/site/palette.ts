/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and ordered so that neighbouring
 * colours also differ in lightness, which keeps them apart on a greyscale print.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export function colourAt(index: number): string {
  return PALETTE[index % PALETTE.length];
}
