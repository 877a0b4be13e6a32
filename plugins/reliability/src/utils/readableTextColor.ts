/** Relative luminance (WCAG 2) of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map(offset => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, e.g. 4.5. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white, whichever reads better on `background` (`#rrggbb`).
 * MUI's own choice switches at a 3:1 contrast, which lets white text
 * through on mid-tone colours that fail WCAG AA (4.5:1) for small text.
 */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio('#000000', background) >=
    contrastRatio('#ffffff', background)
    ? '#000000'
    : '#ffffff';
}
