import { shortenMiddle, textWidthEm } from './text-width';

describe('text width', () => {
  it('estimates Lato/Arial Bold widths from above (digits 0.556 em)', () => {
    expect(textWidthEm('25.4ms')).toBeCloseTo(0.556 * 3 + 0.278 + 0.889 + 0.611, 6);
  });

  it('shortens in the middle, keeping both ends, and leaves fitting text alone', () => {
    expect(shortenMiddle('qwen2.5-7b-instruct', 100)).toBe('qwen2.5-7b-instruct');
    const short = shortenMiddle('meta-llama/Llama-3.1-70B-Instruct', 10);
    expect(short).toMatch(/^meta-ll.*….*Instruct$/);
    expect(textWidthEm(short)).toBeLessThanOrEqual(10);
  });
});
