// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon and xmllint-wasm starts a worker from its own folder: load both
  // from node_modules at run time, never bundle them.
  serverExternalPackages: ['better-sqlite3', 'xmllint-wasm'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Static headers for everything, including files the proxy does not see (_next/static, fonts).
  // The per-request ones (CSP with its nonce, HSTS behind HTTPS, request id) are set in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
