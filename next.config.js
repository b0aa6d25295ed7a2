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
};

module.exports = withNextIntl(nextConfig);
