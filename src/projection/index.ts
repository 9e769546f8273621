export * from './origine.js';
export * from './merge-statuts.js';
export * from './projeter-vers-te.js';
