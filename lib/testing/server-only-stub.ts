// Empty stand-in for the 'server-only' guard when modules run under vitest.
export {};
