import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * Removes `@media` blocks whose query uses the `\0` hack for old Internet Explorer. Browsers Lantern
 * supports ignore them, and the CSS minifier rejects them.
 */
function stripInternetExplorerHacks(css: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = css.indexOf('@media', at);
    if (start === -1) return out + css.slice(at);
    const open = css.indexOf('{', start);
    if (open === -1 || !css.slice(start, open).includes('\\0')) {
      out += css.slice(at, start + 6);
      at = start + 6;
      continue;
    }
    let depth = 1;
    let end = open + 1;
    while (depth > 0 && end < css.length) {
      if (css[end] === '{') depth++;
      else if (css[end] === '}') depth--;
      end++;
    }
    out += css.slice(at, start);
    at = end;
  }
}

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * GOV.UK Frontend's precompiled stylesheet points at `/assets/fonts/…` and `/assets/images/…`.
 *
 * - Images: rewritten to paths relative to the stylesheet, so Vite resolves them inside the package
 *   and emits them (hashed) with the build.
 * - Fonts: the GDS Transport typeface is licensed only for services on the GOV.UK domain, and
 *   Lantern is a partnership service that is not. We drop its `@font-face` rules and fall back to
 *   the design system's own alternative stack (Arial), exactly as `$govuk-font-family` would when
 *   compiling from Sass.
 */
function govukFrontendAssets(): Plugin {
  return {
    name: 'lantern:govuk-frontend-assets',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\?.*$/, '').endsWith('govuk-frontend.min.css')) return null;
      const css = stripInternetExplorerHacks(code)
        .replace(/@font-face\{[^}]*\}/g, '')
        .replace(/\/\*![^*]*Margaret Calvert[^*]*\*\//g, '')
        .replace(/"?GDS Transport"?,/g, '')
        .replaceAll('url(/assets/', 'url(./assets/')
        .replace(/\/\*# sourceMappingURL=.*?\*\//g, '');
      return { code: css, map: null };
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: false,
  plugins: [govukFrontendAssets()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // The server's content security policy allows fonts only from 'self': never inline assets as data: URIs.
    assetsInlineLimit: 0,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Router marks its modules "use client" for server components; irrelevant in a browser bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
