// How much a large panel is zoomed. The panels are designed for dashboard-sized grid items; maximised on a 1080p or
// 4K screen, the same design with text and figures kept at dashboard size would float in a sea of space. So a panel
// larger than 600×300 is laid out at its size divided by this scale and drawn zoomed by it (CSS `zoom`), and every
// part — numbers, labels, gauge, sparklines, list — grows in the same proportion. Growth is the square root of how
// many times the panel fits the base size in its tighter dimension, at most 2.5× (a 3840×2160 screen).

const BASE = { width: 600, height: 300 };
const MAX_SCALE = 2.5;

export function panelScale(width: number, height: number): number {
  const ratio = Math.min(width / BASE.width, height / BASE.height);
  return Math.round(Math.min(MAX_SCALE, Math.max(1, Math.sqrt(Math.max(ratio, 0)))) * 100) / 100;
}
