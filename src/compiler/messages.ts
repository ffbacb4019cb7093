import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { RULES, type RuleId } from './rules.ts';

/** Reports a content problem at a source line; errors are fatal to the build. */
export function report(file: VFile, rule: RuleId, reason: string, line?: number, column?: number): VFileMessage {
  const severity = RULES[rule].severity;
  const message = new VFileMessage(reason, {
    place: line ? { line, column: column ?? 1 } : undefined,
    ruleId: rule,
    source: 'kb',
  });
  message.file = file.path;
  message.url = `README.md#${rule.replace('/', '')}`;
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  file.messages.push(message);
  return message;
}

/** A build-stopping failure carrying every positioned message that caused it. */
export class CompileError extends Error {
  readonly messages: VFileMessage[];
  constructor(messages: VFileMessage[]) {
    super(`The compiler found ${messages.length} problem(s) that stop the build:\n${messages.map(formatMessage).join('\n')}`);
    this.name = 'CompileError';
    this.messages = messages;
  }
}

export function formatMessage(m: VFileMessage): string {
  const where = `${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? 1}` : ''}`;
  return `${where} ${m.fatal ? 'error' : 'warning'} ${m.reason} [${m.source}:${m.ruleId}]`;
}

export function fatalMessages(file: VFile): VFileMessage[] {
  return file.messages.filter((m) => m.fatal === true);
}
