import { describe, expect, it } from 'vitest';

describe('the toolchain', () => {
  it('runs on the Node the project brings (Astro 7 and Vitest 5 need 22.12 or newer)', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });
});
