export * from './dates';
export * from './digits';
export * from './durations';
export * from './numbers';
export * from './relative';
