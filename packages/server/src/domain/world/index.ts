export * from './types.js';
export * from './ids.js';
export * from './permissions.js';
export * from './rules.js';
export * from './meeting-links.js';
export * from './meeting-coordinates.js';
export * from './world-check.js';
