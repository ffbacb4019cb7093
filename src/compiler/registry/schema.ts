// Temporary: moved to src/compiler/knowledge/registry-schema.ts (remove once registries are written).
export * from '../knowledge/registry-schema.ts';
