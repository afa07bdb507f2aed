// Software GL is told apart from real GPUs, so the WebGL renderer is only used where it helps.
import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from './gpu.ts';

describe('isSoftwareRenderer', () => {
  it('recognises the software rasterisers of headless and virtual machines', () => {
    for (const name of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Microsoft Basic Render Driver',
      '',
    ]) {
      expect(isSoftwareRenderer(name)).toBe(true);
    }
  });

  it('accepts hardware renderers', () => {
    for (const name of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Apple M2',
      'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
    ]) {
      expect(isSoftwareRenderer(name)).toBe(false);
    }
  });
});
