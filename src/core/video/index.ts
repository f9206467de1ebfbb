/** Video building blocks for board drivers: see README.md in this folder. */
export * from './bitmap';
export * from './palette';
export * from './gfx';
export * from './draw';
export * from './tilemap';
export * from './screen';
export * from './oriented';
