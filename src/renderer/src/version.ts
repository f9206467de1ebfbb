/** The app's version as recordings and About name it; test/app/history.test.ts checks it equals package.json's. */
export const APP_VERSION = '0.1.0';
