// Whether the browser has a real GPU: Cytoscape's WebGL renderer helps there, but crawls under software GL.

/** Renderer names of software rasterisers (headless Chromium's SwiftShader, Mesa's llvmpipe, Microsoft's WARP). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|warp|mesa offscreen/i;

/** Whether a WebGL renderer name (UNMASKED_RENDERER_WEBGL) is a software rasteriser. */
export function isSoftwareRenderer(name: string): boolean {
  return name.trim() === '' || SOFTWARE.test(name);
}

/** True only when WebGL runs on hardware. Any doubt (no WebGL, masked renderer name) means no. */
export function hasRealGpu(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !isSoftwareRenderer(name);
  } catch {
    return false;
  }
}
