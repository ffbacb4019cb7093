import { MentionMatcher } from './matcher.ts';
import type { Registry } from './registry.ts';

/** What the compiler knows before reading a document: the registries and their matcher. */
export interface Knowledge {
  registry: Registry;
  matcher: MentionMatcher;
}

export function knowledgeOf(registry: Registry): Knowledge {
  return { registry, matcher: MentionMatcher.fromRegistry(registry) };
}
