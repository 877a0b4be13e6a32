import { contrastRatio, readableTextColor } from './readableTextColor';
import { levelColor } from './scorecardLevels';

/** sRGB hex to linear RGB. */
function linear(hex: string): [number, number, number] {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

/** Linear RGB to CIE L*a*b* (D65). */
function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** Machado et al. (2009) deuteranopia, severity 1, on linear RGB. */
function deuteranopia([r, g, b]: [number, number, number]): [
  number,
  number,
  number,
] {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clamp(0.367322 * r + 0.860646 * g - 0.227968 * b),
    clamp(0.280085 * r + 0.672501 * g + 0.047413 * b),
    clamp(-0.01182 * r + 0.04294 * g + 0.968881 * b),
  ];
}

/** Protanopia, same model. */
function protanopia([r, g, b]: [number, number, number]): [
  number,
  number,
  number,
] {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clamp(0.152286 * r + 1.052583 * g - 0.204868 * b),
    clamp(0.114503 * r + 0.786281 * g + 0.099216 * b),
    clamp(-0.003882 * r - 0.048116 * g + 1.051998 * b),
  ];
}

function distance(a: [number, number, number], b: [number, number, number]) {
  const [la, lb] = [lab(a), lab(b)];
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

describe('level colours', () => {
  // No level, bronze, silver, gold: what every chart and legend shows.
  const colours = [null, 0, 1, 2].map(index => levelColor(index));

  it.each([
    ['normal vision', (c: [number, number, number]) => c],
    ['deuteranopia', deuteranopia],
    ['protanopia', protanopia],
  ])('keeps no level, bronze, silver and gold apart with %s', (_, see) => {
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        // ΔE 20 is far beyond "just noticeable" (about 2.3).
        expect({
          pair: [colours[i], colours[j]],
          apart:
            distance(see(linear(colours[i])), see(linear(colours[j]))) > 20,
        }).toEqual({ pair: [colours[i], colours[j]], apart: true });
      }
    }
  });

  it('tells silver from "no level" by more than a shade of grey', () => {
    // The old pair (#8a98a8 vs #9e9e9e) was about ΔE 8 apart.
    expect(
      distance(linear(levelColor(1)), linear(levelColor(null))),
    ).toBeGreaterThan(25);
  });
});

describe('level chip text', () => {
  it('reads at WCAG AA contrast on every level colour', () => {
    // White on the steel-blue silver was 3.4:1; small text needs 4.5:1.
    for (const index of [0, 1, 2, 3, 4, 5]) {
      const background = levelColor(index);
      expect({
        background,
        ratio: contrastRatio(readableTextColor(background), background) >= 4.5,
      }).toEqual({ background, ratio: true });
    }
  });
});
